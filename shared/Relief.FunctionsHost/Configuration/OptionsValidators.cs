using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Relief.FunctionsHost.Timers;

namespace Relief.FunctionsHost.Configuration;

/// <summary>Checks host.json values at start; every failure names the setting in host.json spelling.</summary>
internal sealed partial class OptionsValidators :
    IValidateOptions<QueuesOptions>, IValidateOptions<HttpOptions>, IValidateOptions<TimersOptions>, IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, QueuesOptions options)
    {
        var errors = new List<string>();
        const string p = QueuesOptions.Path;
        if (options.MaxDequeueCount < 1) errors.Add(Error($"{p}.maxDequeueCount", "must be 1 or more", options.MaxDequeueCount));
        if (options.BatchSize is < 1 or > 32) errors.Add(Error($"{p}.batchSize", "must be between 1 and 32", options.BatchSize));
        if (options.NewBatchThreshold is < 0) errors.Add(Error($"{p}.newBatchThreshold", "must be 0 or more", options.NewBatchThreshold));
        if (options.MaxPollingInterval < TimeSpan.FromMilliseconds(100)) errors.Add(Error($"{p}.maxPollingInterval", "must be at least 00:00:00.1", options.MaxPollingInterval));
        if (options.VisibilityTimeout < TimeSpan.Zero || options.VisibilityTimeout > TimeSpan.FromDays(7)) errors.Add(Error($"{p}.visibilityTimeout", "must be between 0 and 7 days", options.VisibilityTimeout));
        if (options.MessageLease < TimeSpan.FromSeconds(1) || options.MessageLease > TimeSpan.FromDays(7)) errors.Add(Error($"{p}.messageLease", "must be between 1 second and 7 days", options.MessageLease));
        if (!string.Equals(options.MessageEncoding, "base64", StringComparison.OrdinalIgnoreCase) && !string.Equals(options.MessageEncoding, "none", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(Error($"{p}.messageEncoding", "must be 'base64' or 'none'", options.MessageEncoding));
        }

        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, HttpOptions options)
    {
        var errors = new List<string>();
        const string p = HttpOptions.Path;
        if (options.MaxRequestBodySize < 1) errors.Add(Error($"{p}.maxRequestBodySize", "must be 1 or more", options.MaxRequestBodySize));
        if (options.RoutePrefix is null || !RoutePrefixPattern().IsMatch(options.RoutePrefix)) errors.Add(Error($"{p}.routePrefix", "must be empty or URL path segments (letters, digits, '-', '_', '/')", options.RoutePrefix));
        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, TimersOptions options)
    {
        var errors = new List<string>();
        if (!TimeZones.TryResolve(options.TimeZone, out _)) errors.Add(Error($"{TimersOptions.Path}.timeZone (or WEBSITE_TIME_ZONE)", "is not a known time zone", options.TimeZone));
        if (options.LeaseDuration < TimeSpan.FromSeconds(15) || options.LeaseDuration > TimeSpan.FromSeconds(60)) errors.Add(Error($"{TimersOptions.Path}.leaseDuration", "must be between 15 and 60 seconds", options.LeaseDuration));
        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString)) errors.Add(Error(StorageOptions.ConnectionSetting, "must name a storage account", "(empty)"));
        if (options.HostId is null || !HostIdPattern().IsMatch(options.HostId)) errors.Add(Error("AzureFunctionsWebHost:hostid", "must be 1-32 lower-case letters, digits or dashes", options.HostId));
        if (options.HealthTimeout <= TimeSpan.Zero) errors.Add(Error("Relief:HealthTimeout", "must be positive", options.HealthTimeout));
        return Result(errors);
    }

    private static string Error(string setting, string rule, object? value) =>
        string.Create(CultureInfo.InvariantCulture, $"Invalid setting '{setting}': {rule} (was {value ?? "null"}).");

    private static ValidateOptionsResult Result(List<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);

    [GeneratedRegex("^[A-Za-z0-9_\\-/]*$")]
    private static partial Regex RoutePrefixPattern();

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex HostIdPattern();
}
