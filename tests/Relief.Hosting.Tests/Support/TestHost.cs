using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Relief.Hosting.Tests.Support;

/// <summary>Builds a function host for a test: Kestrel on a free port, a private content root (no
/// host.json or local.settings.json unless the test writes them), fast polling, captured logs.</summary>
internal static class TestHost
{
    public static FunctionHost Build(
        string connectionString,
        IDictionary<string, string?>? settings = null,
        TimeProvider? time = null,
        LogCapture? logs = null,
        Action<IServiceCollection>? services = null,
        string? contentRoot = null,
        string hostId = "test")
    {
        var root = contentRoot ?? Directory.CreateTempSubdirectory("relief-host-").FullName;
        var builder = FunctionsApplication.CreateBuilder([], new FunctionHostBuilderSettings { ContentRootPath = root });
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["AzureFunctionsWebHost:hostid"] = hostId,
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.2",
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00",
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "3",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        builder.Configuration.AddInMemoryCollection(values);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs ?? new LogCapture());
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        if (time is not null) builder.Services.AddSingleton(time);
        services?.Invoke(builder.Services);
        return builder.Build();
    }
}
