namespace Relief.Domain.Explanations;

/// <summary>
/// One rule applied in a decision (适用规则): which rule, in words a family or an auditor can read,
/// the inputs it used, the figure it produced, and how much of the final amount it contributes.
/// </summary>
/// <param name="Rule">Stable rule code, e.g. <c>dibao.difference</c>.</param>
/// <param name="Description">Plain-language statement of the rule and its result (English, with the Chinese term).</param>
/// <param name="Inputs">Named inputs with the values used, in order.</param>
/// <param name="Result">The figure the rule produced, if it produced one.</param>
/// <param name="Contribution">
/// Part of the decision's amount this step adds (negative when it reduces, zero when it only
/// informs). The contributions of all steps add up to the decision's amount.
/// </param>
public sealed record ExplanationStep(
    string Rule,
    string Description,
    IReadOnlyList<ExplanationInput> Inputs,
    decimal? Result,
    decimal Contribution);

/// <summary>A named input of an <see cref="ExplanationStep"/>, formatted for display.</summary>
/// <param name="Name">Input name, e.g. <c>standard</c>.</param>
/// <param name="Value">Value as shown, e.g. <c>700.00</c>.</param>
public sealed record ExplanationInput(string Name, string Value);
