using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;

namespace Relief.FunctionsHost.Queues;

/// <summary>
/// Keeps a received message invisible while its invocation runs, by extending its visibility every half
/// lease. Holds the current pop receipt (each update issues a new one). An update in flight is never
/// cancelled, so the receipt the host later uses to delete or release the message is always current.
/// </summary>
internal sealed class MessageLeaseRenewal
{
    private readonly QueueClient _queue;
    private readonly string _messageId;
    private readonly TimeSpan _lease;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _functionName;
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private volatile string _popReceipt;

    private MessageLeaseRenewal(QueueClient queue, string messageId, string popReceipt, TimeSpan lease, TimeProvider time, ILogger logger, string functionName)
    {
        _queue = queue;
        _messageId = messageId;
        _popReceipt = popReceipt;
        _lease = lease;
        _time = time;
        _logger = logger;
        _functionName = functionName;
    }

    /// <summary>The receipt to use for the next operation on the message.</summary>
    public string PopReceipt => _popReceipt;

    public static MessageLeaseRenewal Start(QueueClient queue, string messageId, string popReceipt, TimeSpan lease, TimeProvider time, ILogger logger, string functionName)
    {
        var renewal = new MessageLeaseRenewal(queue, messageId, popReceipt, lease, time, logger, functionName);
        renewal._loop = renewal.RunAsync();
        return renewal;
    }

    /// <summary>Stops renewing and waits for an update in flight.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_lease / 2, _time, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                var updated = await _queue.UpdateMessageAsync(_messageId, _popReceipt, visibilityTimeout: _lease, cancellationToken: CancellationToken.None).ConfigureAwait(false);
                _popReceipt = updated.Value.PopReceipt;
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or AggregateException)
            {
                ListenerLogs.QueueMessageSettleFailed(_logger, ex, _functionName, _messageId, "renew lease");
            }
        }
    }
}
