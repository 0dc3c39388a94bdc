using System.Globalization;

namespace Relief.Domain.Explanations;

/// <summary>Collects <see cref="ExplanationStep"/>s while a rule engine runs.</summary>
public sealed class ExplanationBuilder
{
    private readonly List<ExplanationStep> _steps = [];

    /// <summary>Adds a step that informs but does not change the amount.</summary>
    public ExplanationBuilder Note(string rule, string description, decimal? result = null, params (string Name, object Value)[] inputs) =>
        Add(rule, description, result, 0m, inputs);

    /// <summary>Adds a step that contributes <paramref name="contribution"/> to the amount.</summary>
    public ExplanationBuilder Add(string rule, string description, decimal? result, decimal contribution, params (string Name, object Value)[] inputs)
    {
        _steps.Add(new ExplanationStep(
            rule,
            description,
            inputs.Select(i => new ExplanationInput(i.Name, Format(i.Value))).ToArray(),
            result,
            contribution));
        return this;
    }

    /// <summary>Adds all steps of another explanation (e.g. the income assessment) as informing steps.</summary>
    public ExplanationBuilder AddRange(IEnumerable<ExplanationStep> steps)
    {
        _steps.AddRange(steps.Select(s => s with { Contribution = 0m }));
        return this;
    }

    /// <summary>Builds the immutable explanation.</summary>
    public Explanation Build() => new(_steps.ToArray());

    private static string Format(object value) => value switch
    {
        decimal d => d.ToString("0.00##", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
