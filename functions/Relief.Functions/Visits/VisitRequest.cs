namespace Relief.Functions.Visits;

/// <summary>The body of <c>POST /api/households/{householdId}/visits</c> (巡访记录).</summary>
public sealed record VisitRequest
{
    /// <summary>Refused when present: the visitor is the signed-in caller.</summary>
    public string? Actor { get; init; }

    /// <summary>The program, when the household is enrolled in more than one.</summary>
    public string? Program { get; init; }

    /// <summary>The day of the visit (<c>yyyy-MM-dd</c>; not in the future, at most a year back).</summary>
    public DateOnly? VisitedOn { get; init; }

    /// <summary>What was found (1–2000 characters; no ID numbers).</summary>
    public string? Note { get; init; }

    /// <summary>The finding calls for a review now (巡访发现变化): one is started.</summary>
    public bool StartReview { get; init; }
}
