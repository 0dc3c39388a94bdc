using System.Text.Json;
using Relief.FunctionsHost.Configuration;

namespace Relief.FunctionsHost.Worker;

/// <summary>The app's <c>worker.config.json</c> (written by the Worker SDK): how to start its worker.</summary>
/// <param name="Executable">The program to run (<c>dotnet</c>, or the app's own executable).</param>
/// <param name="WorkerPath">The worker assembly, relative to the app folder (null when the executable is the app).</param>
/// <param name="Arguments">Extra arguments the config asks for, before the host's own.</param>
/// <param name="WorkerIndexing">True when the worker indexes its functions itself (FunctionsMetadataRequest).</param>
public sealed record WorkerConfig(string Executable, string? WorkerPath, IReadOnlyList<string> Arguments, bool WorkerIndexing)
{
    /// <summary>Reads the file in <paramref name="appFolder"/>; a missing or unreadable one fails naming it.</summary>
    public static WorkerConfig Read(string appFolder)
    {
        var path = Path.Combine(appFolder, "worker.config.json");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var description = document.RootElement.GetProperty("description");
            string? Text(string name) => description.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var arguments = description.TryGetProperty("arguments", out var a) && a.ValueKind == JsonValueKind.Array
                ? a.EnumerateArray().Select(e => e.GetString() ?? "").Where(s => s.Length > 0).ToArray()
                : [];
            var language = Text("language");
            if (!string.Equals(language, "dotnet-isolated", StringComparison.OrdinalIgnoreCase))
            {
                throw new HostConfigurationException("worker.config.json", $"the worker language is '{language}'; this host runs .NET isolated workers (dotnet-isolated) only.");
            }

            return new WorkerConfig(
                Text("defaultExecutablePath") ?? "dotnet",
                Text("defaultWorkerPath"),
                arguments,
                string.Equals(Text("workerIndexing"), "true", StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception ex) when (ex is IOException or JsonException or KeyNotFoundException or UnauthorizedAccessException)
        {
            throw new HostConfigurationException("worker.config.json", $"'{path}' cannot be read ({ex.Message}).", ex);
        }
    }
}
