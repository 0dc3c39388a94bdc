using Microsoft.AspNetCore.Http;
using Relief.Cases.Leads;
using Relief.Functions.Identity;

namespace Relief.Functions.Leads;

/// <summary>A lead as the API shows it: the resident ID in clear only to the roles that visit people (caseworker, investigator).</summary>
public sealed record LeadView(
    string LeadId,
    string Reason,
    string Jurisdiction,
    string ResidentId,
    string Evidence,
    DateTimeOffset RaisedAt,
    DateTimeOffset? VisitDue,
    bool Overdue,
    string State,
    string? AssignedTo,
    DateTimeOffset? EscalatedAt,
    DateTimeOffset? VisitedAt,
    string? Findings,
    string? ClosedReason,
    string? CaseId,
    IReadOnlyList<LeadEvent> History)
{
    /// <summary>The view of <paramref name="lead"/> for a caller acting as <paramref name="role"/> at <paramref name="now"/>.</summary>
    public static LeadView Of(Lead lead, string role, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return new LeadView(lead.LeadId, lead.Reason.ToCode(), lead.Jurisdiction,
            PersonalData.SeesIdentity(role) ? lead.ResidentId : PersonalData.MaskId(lead.ResidentId)!,
            lead.Evidence, lead.RaisedAt, lead.VisitDue, lead.IsOverdueAt(now), lead.State.ToString(), lead.AssignedTo, lead.EscalatedAt,
            lead.VisitedAt, lead.Findings, lead.ClosedReason, lead.CaseId, lead.History);
    }

    /// <summary>404 for an unknown lead.</summary>
    public static IResult NotFound(string leadId) =>
        TypedResults.Problem(title: "Lead not found", detail: $"No lead '{leadId}'.", statusCode: StatusCodes.Status404NotFound);
}
