namespace Relief.Functions.Reviews;

/// <summary>How reviews run (section <c>Relief:Reviews</c>).</summary>
public sealed class ReviewOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Relief:Reviews";

    /// <summary>
    /// Working days from a review's opening to its findings (核查结论) before it is escalated (督办). Default 20 (about a
    /// month): no national figure is set; a local rule replaces it here.
    /// </summary>
    public int FindingsWorkingDays { get; set; } = 20;

    /// <summary>Households started per sweep page (one activity call). Default 100; 1–1000.</summary>
    public int SweepPageSize { get; set; } = 100;

    /// <summary>Throws naming the setting when a value is unusable.</summary>
    public void Validate()
    {
        if (FindingsWorkingDays is < 1 or > 250) throw new ArgumentException($"{Section}:{nameof(FindingsWorkingDays)} is {FindingsWorkingDays}; it must be 1–250.");
        if (SweepPageSize is < 1 or > 1000) throw new ArgumentException($"{Section}:{nameof(SweepPageSize)} is {SweepPageSize}; it must be 1–1000.");
    }
}
