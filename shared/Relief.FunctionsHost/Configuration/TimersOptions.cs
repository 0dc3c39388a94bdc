namespace Relief.FunctionsHost.Configuration;

/// <summary>Timer trigger settings, host.json <c>extensions.timers</c> (a Relief addition) and the
/// <c>WEBSITE_TIME_ZONE</c> app setting (as in Azure Functions), which wins when set.</summary>
public sealed class TimersOptions
{
    /// <summary>The host.json path of this section.</summary>
    public const string Path = "extensions.timers";

    /// <summary>Time zone of CRON schedules: a Windows or IANA id. Default <c>China Standard Time</c> (UTC+8, no DST).</summary>
    public string TimeZone { get; set; } = "China Standard Time";

    /// <summary>Blob lease that makes one host run an occurrence; renewed at a third. Default 60 s; 15 to 60 s.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);
}
