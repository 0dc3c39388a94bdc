using Microsoft.Extensions.Logging;

namespace Relief.Functions.Identity;

/// <summary>Log messages of sign-in and access (14001–14099). Roles and function names only: never a name, phone or ID number.</summary>
internal static partial class Logs
{
    [LoggerMessage(14001, LogLevel.Information, "Sign-in refused for {Function}: {Why}")]
    public static partial void SignInRefused(ILogger logger, string function, string why);

    [LoggerMessage(14002, LogLevel.Information, "Access refused to {Function}: the token holds roles [{Roles}]")]
    public static partial void RoleRefused(ILogger logger, string function, string roles);

    [LoggerMessage(14003, LogLevel.Warning, "Access refused to case {CaseId} for {Actor} ({Function}): {Why}")]
    public static partial void CaseRefused(ILogger logger, string caseId, string actor, string function, string why);

}
