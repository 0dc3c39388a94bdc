using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Relief.Functions.Tests;

/// <summary>The real function app (Program.cs) on a test server, against the given storage.</summary>
public sealed class FunctionAppFactory(string connectionString, TimeProvider? time = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    /// <summary>The beneficiary-id key of test hosts (32 bytes, base64).</summary>
    public const string TestBeneficiaryKey = "dGVzdC1vbmx5LWJlbmVmaWNpYXJ5LWtleS0zMi1ieXRlcyE=";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, config) =>
        {
            var values = new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = connectionString,
                ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.2",
                ["Relief:Cases:Beneficiary:Key"] = TestBeneficiaryKey,
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
            config.AddInMemoryCollection(values);
        });
        if (time is not null) builder.ConfigureTestServices(s => s.AddSingleton(time));
        if (services is not null) builder.ConfigureTestServices(services);
    }
}
