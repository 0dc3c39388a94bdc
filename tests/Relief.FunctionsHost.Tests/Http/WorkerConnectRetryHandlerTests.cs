using System.Net;
using System.Net.Sockets;
using System.Text;
using Relief.FunctionsHost.Http;

namespace Relief.FunctionsHost.Tests.Http;

public sealed class WorkerConnectRetryHandlerTests
{
    [Fact]
    public async Task Refused_ThenListening_RequestArrivesOnce()
    {
        var inner = new ScriptedHandler(refusals: 3);
        using var client = new HttpClient(new WorkerConnectRetryHandler(inner, TimeSpan.FromSeconds(30), TimeProvider.System));

        var response = await client.PostAsync("http://127.0.0.1:1/api/x", new StringContent("body"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, inner.Calls);
        Assert.Equal(["body"], inner.BodiesRead);
    }

    [Fact]
    public async Task OtherFailure_NotRetried_ThePossiblyDeliveredRequestIsNotSentTwice()
    {
        var inner = new ScriptedHandler(refusals: 0, failWith: new HttpRequestException("reset", new SocketException((int)SocketError.ConnectionReset)));
        using var client = new HttpClient(new WorkerConnectRetryHandler(inner, TimeSpan.FromSeconds(30), TimeProvider.System));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync("http://127.0.0.1:1/api/x", new StringContent("body")));

        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task RefusedBeyondTheBudget_TheRefusalIsPassedOn()
    {
        var inner = new ScriptedHandler(refusals: int.MaxValue);
        using var client = new HttpClient(new WorkerConnectRetryHandler(inner, TimeSpan.FromMilliseconds(200), TimeProvider.System));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("http://127.0.0.1:1/"));

        Assert.True(WorkerConnectRetryHandler.IsRefused(error));
        Assert.InRange(inner.Calls, 2, 10);
    }

    [Fact]
    public async Task RealSocket_ServerStartsListeningAfterTheFirstAttempt_RequestSucceeds()
    {
        var port = FreePort();
        using var client = new HttpClient(new WorkerConnectRetryHandler(new SocketsHttpHandler { UseProxy = false }, TimeSpan.FromSeconds(30), TimeProvider.System));
        var send = client.GetAsync($"http://127.0.0.1:{port}/ready");

        await Task.Delay(300); // the first attempts are refused: nothing listens yet
        Assert.False(send.IsCompleted);
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        try
        {
            using var socket = await listener.AcceptSocketAsync();
            var buffer = new byte[4096];
            var read = await socket.ReceiveAsync(buffer);
            Assert.StartsWith("GET /ready ", Encoding.ASCII.GetString(buffer, 0, read), StringComparison.Ordinal);
            await socket.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));

            var response = await send;
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }
        finally
        {
            listener.Stop();
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>Refuses the first <c>refusals</c> connections as a closed port does, then answers 200 after reading the body.</summary>
    private sealed class ScriptedHandler(int refusals, Exception? failWith = null) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        public List<string> BodiesRead { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            if (failWith is not null) throw failWith;
            if (Calls <= refusals) throw new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused));
            if (request.Content is not null) BodiesRead.Add(await request.Content.ReadAsStringAsync(cancellationToken));
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
