using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Relief.Testing;

namespace Relief.Functions.Tests;

/// <summary>
/// What a deployment uploads is the publish output: it must carry what Azure's Functions host reads
/// (<c>functions.metadata</c>, <c>worker.config.json</c>, the extension bundle in <c>.azurefunctions/</c>, host.json)
/// and the policy files, and it must run — here through the local host.
/// </summary>
public sealed class PublishTests
{
    [Fact]
    public async Task PublishOutput_HasWhatTheFunctionsHostReads_AndRuns()
    {
        var output = Directory.CreateTempSubdirectory("relief-publish-").FullName;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        // --no-build: the test run's build is published as is (a rebuild here would race the other tests' hosts).
        foreach (var a in new[] { "publish", Path.Combine(RepositoryPaths.Root, "functions", "Relief.Functions"), "-c", RepositoryPaths.Configuration, "--no-build", "-o", output })
        {
            start.ArgumentList.Add(a);
        }

        using (var publish = Process.Start(start)!)
        {
            var stdout = publish.StandardOutput.ReadToEndAsync();
            var stderr = publish.StandardError.ReadToEndAsync();
            await publish.WaitForExitAsync();
            Assert.True(publish.ExitCode == 0, await stdout + await stderr);
        }

        using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "functions.metadata")));
        Assert.Contains(metadata.RootElement.EnumerateArray(), f => f.GetProperty("name").GetString() == "SubmitApplication");
        using var worker = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "worker.config.json")));
        Assert.Equal("Relief.Functions.dll", worker.RootElement.GetProperty("description").GetProperty("defaultWorkerPath").GetString());
        // extensions.json names the host-side extensions; each one's assembly is in .azurefunctions/.
        using var extensions = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "extensions.json")));
        var named = extensions.RootElement.GetProperty("extensions").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("hintPath").GetString()!);
        Assert.Contains("DurableTask", named.Keys);
        Assert.Contains("AzureStorageQueues", named.Keys);
        Assert.All(named.Values, hint =>
        {
            Assert.StartsWith("./.azurefunctions/", hint, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(output, hint[2..])), hint + " is published");
        });
        Assert.True(File.Exists(Path.Combine(output, "host.json")), "host.json is published");
        Assert.True(File.Exists(Path.Combine(output, "Policies", "Data", "qingdao.json")), "the shipped policy files are published");
        Assert.True(File.Exists(Path.Combine(output, "Calendar", "Data", "2026.json")), "the working-day calendars are published");

        await using var host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["Relief:Auth:DevelopmentKeyFile"] = Builders.TestTokens.KeyFile,
            ["Relief:Cases:Beneficiary:Key"] = Convert.ToBase64String("publish-test-key-not-a-secret-0123456789"u8.ToArray()),
            ["HeartbeatSchedule"] = "0 0 0 1 1 *",
            ["PayrollSchedule"] = "0 0 0 1 1 *",
            ["ReviewYearlySchedule"] = "0 0 0 1 1 *",
            ["ReviewHalfYearlySchedule"] = "0 0 0 1 1 *",
            ["Relief:Payments:Storage:BatchQueueName"] = UniqueNames.Queue("batches"),
            ["Relief:Payments:Bank:StatusQueueName"] = UniqueNames.Queue("bank-status"),
            ["LeadEscalationSchedule"] = "0 0 0 1 1 *",
            ["Relief:Feeds:DeathsQueueName"] = UniqueNames.Queue("feed-deaths"),
            ["Relief:Feeds:DisabilityQueueName"] = UniqueNames.Queue("feed-disability"),
            ["Relief:Feeds:MedicalQueueName"] = UniqueNames.Queue("feed-medical"),
            ["Relief:Feeds:HukouQueueName"] = UniqueNames.Queue("feed-hukou"),
            ["Relief:Feeds:CustodyQueueName"] = UniqueNames.Queue("feed-custody"),
            ["Relief:Feeds:JobsQueueName"] = UniqueNames.Queue("feed-jobs"),
            ["Relief:Cases:Verification:AnswerQueueName"] = UniqueNames.Queue("ev-answers"),
        }, new Dictionary<string, string> { ["AzureFunctionsJobHost__extensions__durableTask__hubName"] = "Pub" + Path.GetFileName(output).Replace("-", "", StringComparison.Ordinal)[..12] }, output);
        var health = await host.Client.GetAsync("api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Directory.Delete(output, recursive: true);
    }
}
