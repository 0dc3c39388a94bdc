using Relief.Domain.Explanations;
using Relief.Domain.Policies;

namespace Relief.Domain.Decisions;

/// <summary>Helpers shared by the decision services.</summary>
internal static class DecisionSupport
{
    public static void NotePolicy(ExplanationBuilder e, PolicyParameters policy, DateOnly date) =>
        e.Note("policy", $"Policy in force: {policy.Name} ({policy.SourceFile}), version effective {policy.EffectiveFrom:yyyy-MM-dd}", null,
            ("jurisdiction", policy.Jurisdiction), ("area", policy.Area ?? "*"), ("decisionDate", date), ("effectiveFrom", policy.EffectiveFrom));

    public static Explanation NoPolicy(string reason) =>
        new ExplanationBuilder().Note("policy.none", reason).Build();
}
