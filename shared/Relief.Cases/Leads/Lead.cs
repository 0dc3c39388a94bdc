namespace Relief.Cases.Leads;

/// <summary>
/// A lead (疑似困难群众线索): a person who is not a beneficiary but whom another department's data suggests may be in
/// need, sent to the township of his jurisdiction to be visited (摸排核实) and then closed or turned into an
/// application. One open lead per person and reason. Holds the person's resident ID (the township must find him):
/// personal data, shown only to staff of the jurisdiction, never logged.
/// </summary>
/// <param name="LeadId">Id (<c>ld-</c> and 16 hex digits).</param>
/// <param name="Reason">Why it was raised.</param>
/// <param name="Jurisdiction">The township responsible (jurisdiction code).</param>
/// <param name="ResidentId">The person's resident ID number (personal data).</param>
/// <param name="PersonKey">The person's keyed pseudonym (never the ID number).</param>
/// <param name="Evidence">What the department reported, the rule and threshold that raised it; no personal data.</param>
/// <param name="RaisedAt">When it was raised.</param>
/// <param name="VisitDue">The visit deadline; null while the working-day calendar it needs is missing.</param>
/// <param name="State">Where it stands.</param>
public sealed record Lead(
    string LeadId,
    LeadReason Reason,
    string Jurisdiction,
    string ResidentId,
    string PersonKey,
    string Evidence,
    DateTimeOffset RaisedAt,
    DateTimeOffset? VisitDue,
    LeadState State)
{
    /// <summary>The township worker who took it (operator id).</summary>
    public string? AssignedTo { get; init; }

    /// <summary>When it was escalated (督办) for a visit overdue; null when never.</summary>
    public DateTimeOffset? EscalatedAt { get; init; }

    /// <summary>When the visit was recorded.</summary>
    public DateTimeOffset? VisitedAt { get; init; }

    /// <summary>The visit's findings (no ID numbers).</summary>
    public string? Findings { get; init; }

    /// <summary>Why it was closed.</summary>
    public string? ClosedReason { get; init; }

    /// <summary>The application it became.</summary>
    public string? CaseId { get; init; }

    /// <summary>Every step: when, who (role:operator), what.</summary>
    public IReadOnlyList<LeadEvent> History { get; init; } = [];

    /// <summary>True when the visit is owed and its deadline has passed at <paramref name="now"/>.</summary>
    public bool IsOverdueAt(DateTimeOffset now) => LeadTransitions.AwaitsVisit(State) && VisitDue is { } due && now >= due;
}

/// <summary>One step of a lead's history.</summary>
/// <param name="At">When.</param>
/// <param name="Actor">Who (<c>role:operator</c>, <c>system</c>, or <c>agency:{feed}</c>).</param>
/// <param name="Text">What happened; no personal data.</param>
public sealed record LeadEvent(DateTimeOffset At, string Actor, string Text);
