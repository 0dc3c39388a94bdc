namespace Relief.Functions.Applications;

/// <summary>The body of a case action (<c>POST /api/applications/{id}/…</c>). Free of personal data.</summary>
public sealed record CaseActionRequest
{
    /// <summary>Who acts: operator id and role, e.g. <c>caseworker:0042</c> (required; never a name).</summary>
    public string? Actor { get; init; }

    /// <summary>Findings or remarks.</summary>
    public string? Note { get; init; }

    /// <summary>Reasons (a refusal needs at least one, in writing).</summary>
    public IReadOnlyList<string>? Reasons { get; init; }

    /// <summary>Investigation: the operator ids of the investigators (at least two, 57号).</summary>
    public IReadOnlyList<string>? Investigators { get; init; }
}
