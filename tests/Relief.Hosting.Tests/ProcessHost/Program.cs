using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Relief.Hosting;
using Relief.Hosting.Invocations;
using Relief.Hosting.Timers;

// Usage: ProcessHost <connection string> <host id> <schedule> <record file>
// Runs one timer function on the real clock; each run appends its scheduled time to the record file.
// Ends when standard input closes (the test process died or is done).
var builder = FunctionsApplication.CreateBuilder([], new FunctionHostBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["AzureWebJobsStorage"] = args[0],
    ["AzureFunctionsWebHost:hostid"] = args[1],
    ["RecordFile"] = args[3],
});
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();
app.Timer<RecordRun>(args[2], name: "Shared");

using var stop = new CancellationTokenSource();
_ = Task.Run(async () =>
{
    while (await Console.In.ReadLineAsync() is not null)
    {
    }

    await stop.CancelAsync();
});
return await app.RunAsync(stop.Token);

/// <summary>Appends the occurrence it ran to the record file.</summary>
internal sealed class RecordRun(IConfiguration configuration) : ITimerFunction
{
    public async Task RunAsync(TimerInfo timer, FunctionContext context, CancellationToken cancellationToken) =>
        await File.AppendAllTextAsync(configuration["RecordFile"]!, $"{timer.ScheduledTime:o} {timer.IsPastDue}\n", cancellationToken);
}
