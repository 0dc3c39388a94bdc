using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Relief.FunctionsHost.ConformanceApp.Http;

/// <summary>Throws: the host answers 500 (as the Functions host does for an unhandled exception).</summary>
public sealed class Fail
{
    [Function(nameof(Fail))]
    public static IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "fail")] HttpRequest request) =>
        throw new InvalidOperationException("Failing on purpose.");
}
