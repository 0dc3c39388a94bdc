using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Relief.FunctionsHost.ConformanceApp.Http;

/// <summary>Echoes what it received: route value, query, a header and the body; the status comes from <c>?status=</c>,
/// and <c>?delayMs=</c> makes it slow (for the functionTimeout test).</summary>
public sealed class Echo
{
    [Function(nameof(Echo))]
    public static async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "echo/{id}")] HttpRequest request,
        string id)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        var status = int.TryParse(request.Query["status"], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 200;
        if (int.TryParse(request.Query["delayMs"], NumberStyles.None, CultureInfo.InvariantCulture, out var delay)) await Task.Delay(delay, request.HttpContext.RequestAborted);
        return new ObjectResult(new
        {
            id,
            method = request.Method,
            query = request.Query["q"].ToString(),
            header = request.Headers["x-conformance"].ToString(),
            body,
            bodyLength = body.Length,
        })
        { StatusCode = status };
    }
}
