using Relief.Cases.Intake;

namespace Relief.Functions.Leads;

/// <summary>
/// The body of the lead actions (<c>POST /api/leads/{leadId}/assign|visit|close</c>): who takes it (assign; the caller
/// when left out), the visit's findings or the closing reason (<c>note</c>, required for visit and close). The actor
/// comes from the sign-in token.
/// </summary>
public sealed record LeadActionRequest
{
    /// <summary>Refused when present: the actor is the signed-in caller.</summary>
    public string? Actor { get; init; }

    /// <summary>Assign: the operator id of the township worker who takes the lead (default: the caller).</summary>
    public string? AssignTo { get; init; }

    /// <summary>Visit: the findings; close: the reason (1–2000 characters, no ID numbers).</summary>
    public string? Note { get; init; }
}

/// <summary>
/// The body of <c>POST /api/leads/{leadId}/convert</c>: the application, pre-filled from the lead — the jurisdiction
/// is the lead's and, when <c>members</c> is left out, the lead's person is the applicant; everything else as in
/// <c>POST /api/applications</c> (program defaults to <c>dibao</c>).
/// </summary>
public sealed record LeadConversionRequest
{
    /// <summary>The application; its missing parts are filled from the lead.</summary>
    public ApplicationRequest? Application { get; init; }
}
