namespace Relief.Functions.Applications;

/// <summary>The body of a case action (<c>POST /api/applications/{id}/…</c>). Free of personal data; who acts comes from the token.</summary>
public sealed record CaseActionRequest
{
    /// <summary>Refused when present: the actor is the signed-in caller, never a field of the body.</summary>
    public string? Actor { get; init; }

    /// <summary>Findings or remarks.</summary>
    public string? Note { get; init; }

    /// <summary>Reasons (a refusal needs at least one, in writing).</summary>
    public IReadOnlyList<string>? Reasons { get; init; }

    /// <summary>Investigation: the operator ids of the other investigators on the home visit (the caller is one; at least two in all, 57号).</summary>
    public IReadOnlyList<string>? Investigators { get; init; }

    /// <summary>Approval of a case the policy engine found ineligible (越权批准): must be true, with a written reason in <see cref="Note"/>.</summary>
    public bool Override { get; init; }
}
