namespace Relief.FunctionsHost.Startup;

/// <summary>Settings of the local host itself (not of the app), under <c>LocalHost</c> in configuration.</summary>
public sealed class LocalHostOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "LocalHost";

    /// <summary>How long the worker has to start, connect and load its functions. Default 60 s.</summary>
    public TimeSpan WorkerStartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest gRPC message between host and worker. Default 128 MiB, as the Functions host.</summary>
    public int MaxMessageLength { get; set; } = 128 * 1024 * 1024;

    /// <summary>How long a stopping host waits for the worker to exit after WorkerTerminate. Default 5 s.</summary>
    public TimeSpan WorkerTerminateGrace { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Wait before restarting a dead worker; doubles per consecutive failure up to 30 s. Default 1 s.</summary>
    public TimeSpan WorkerRestartDelay { get; set; } = TimeSpan.FromSeconds(1);
}
