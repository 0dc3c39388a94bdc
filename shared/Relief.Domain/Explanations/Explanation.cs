using System.Globalization;

namespace Relief.Domain.Explanations;

/// <summary>
/// The explanation of a decision (决定说明): every rule applied, in order. Immutable once built.
/// </summary>
public sealed class Explanation
{
    /// <summary>Creates an explanation from its steps.</summary>
    public Explanation(IReadOnlyList<ExplanationStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        Steps = steps;
    }

    /// <summary>The rules applied, in the order they were applied.</summary>
    public IReadOnlyList<ExplanationStep> Steps { get; }

    /// <summary>Sum of every step's <see cref="ExplanationStep.Contribution"/>; equals the decision's amount.</summary>
    public decimal TotalContribution => Steps.Sum(s => s.Contribution);

    /// <summary>True when a step with the given rule code was applied.</summary>
    public bool Applied(string rule) => Steps.Any(s => s.Rule == rule);

    /// <summary>The first step with the given rule code, or null.</summary>
    public ExplanationStep? Find(string rule) => Steps.FirstOrDefault(s => s.Rule == rule);

    /// <summary>Renders the steps as numbered lines.</summary>
    public override string ToString() =>
        string.Join(Environment.NewLine, Steps.Select((s, i) => string.Create(
            CultureInfo.InvariantCulture,
            $"{i + 1}. [{s.Rule}] {s.Description} ({string.Join(", ", s.Inputs.Select(x => x.Name + "=" + x.Value))})")));
}
