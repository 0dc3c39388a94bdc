using System.Globalization;
using Relief.Domain.Explanations;
using Relief.Domain.Policies;

namespace Relief.Domain.Decisions;

/// <summary>Helpers shared by the decision services.</summary>
internal static class DecisionSupport
{
    /// <summary>
    /// Names the versions a decision uses: the local file's version in force, every group of figures set by an
    /// earlier version (with its date) among the <paramref name="sections"/> the decision reads, and each national
    /// rule in force on the decision date.
    /// </summary>
    public static void NotePolicy(ExplanationBuilder e, PolicyParameters policy, DateOnly date, params string[] sections)
    {
        e.Note("policy", $"Policy in force: {policy.Name} ({policy.SourceFile}), version effective {policy.EffectiveFrom:yyyy-MM-dd}", null,
            ("jurisdiction", policy.Jurisdiction), ("area", policy.Area ?? "*"), ("decisionDate", date), ("effectiveFrom", policy.EffectiveFrom));
        foreach (IGrouping<string, KeyValuePair<string, DateOnly>> group in policy.FigureSince
                     .Where(f => f.Value != policy.EffectiveFrom && sections.Contains(f.Key.Split('.')[0], StringComparer.Ordinal))
                     .OrderBy(f => f.Key, StringComparer.Ordinal)
                     .GroupBy(f => f.Key.Split('.')[0]))
        {
            e.Note("policy.figures", $"{group.Key} figures of an earlier version still in force: {string.Join(", ", group.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Key} since {f.Value:yyyy-MM-dd}")))}", null,
                group.Select(f => (f.Key, (object)f.Value)).ToArray());
        }

        foreach (NationalRuleInForce national in policy.NationalRules)
        {
            string beyond = national.BeyondStatedPeriod && national.Rule.StatedUntil is { } until
                ? string.Create(CultureInfo.InvariantCulture, $"; stated until {until:yyyy-MM-dd}, no later text loaded: applied as last known (assumption)")
                : string.Empty;
            e.Note("policy.national", $"National rule {national.Rule.Document}, in force from {national.Rule.EffectiveFrom:yyyy-MM-dd}: {national.Rule.Statement}{beyond}", null,
                ("rule", national.Rule.Id), ("document", national.Rule.Document), ("effectiveFrom", national.Rule.EffectiveFrom), ("beyondStatedPeriod", national.BeyondStatedPeriod));
        }
    }

    public static Explanation NoPolicy(string reason) =>
        new ExplanationBuilder().Note("policy.none", reason).Build();
}
