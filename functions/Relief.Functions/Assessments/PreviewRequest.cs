namespace Relief.Functions.Assessments;

/// <summary>
/// The fields of an assessment preview beyond the application itself: the body of <c>POST /api/assessments</c> is an
/// application (as for <c>POST /api/applications</c>, without contact or consent) plus these.
/// </summary>
public sealed record PreviewRequest
{
    /// <summary>The date (China) the rules are taken as in force on; today when absent.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The programs to assess (dibao, tekun, temporary-emergency, temporary-expenditure); the
    /// application's <c>program</c> when absent.</summary>
    public IReadOnlyList<string>? Programs { get; init; }
}
