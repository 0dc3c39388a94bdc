using System.Text.RegularExpressions;

namespace Relief.FunctionsHost.Queues;

/// <summary>The one rule for the names of the queues a host listens on: 3–56 lower-case letters, digits or single
/// dashes, so that <c>&lt;queue&gt;-poison</c> still fits Azure Storage's 63-character limit.</summary>
internal static partial class QueueNames
{
    /// <summary>True when <paramref name="name"/> may be listened on.</summary>
    public static bool IsValid(string name) => Pattern().IsMatch(name);

    /// <summary>Why a name was refused, for the start-up error.</summary>
    public static string Problem(string name) =>
        $"queue name '{name}' must be 3-56 lower-case letters, digits or single dashes (room is left for '-poison').";

    [GeneratedRegex("^(?=.{3,56}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();
}
