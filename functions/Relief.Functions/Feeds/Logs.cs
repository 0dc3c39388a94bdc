using Microsoft.Extensions.Logging;

namespace Relief.Functions.Feeds;

/// <summary>Agency-feed logs (13xxx). Feed, record and lead ids and pseudonymous keys only: never an ID number, name or phone.</summary>
internal static partial class Logs
{
    [LoggerMessage(13001, LogLevel.Information, "Feed {Feed}: record {RecordId} applied: {Result}")]
    public static partial void RecordApplied(ILogger logger, string feed, string recordId, string result);

    [LoggerMessage(13002, LogLevel.Information, "Feed {Feed}: record {RecordId} received again, already applied (duplicate ignored)")]
    public static partial void RecordDuplicate(ILogger logger, string feed, string recordId);

    [LoggerMessage(13003, LogLevel.Warning, "Feed {Feed}: message {MessageId} rejected to {PoisonQueue}: {Reason}")]
    public static partial void RecordRejected(ILogger logger, string feed, string messageId, string poisonQueue, string reason);

    [LoggerMessage(13004, LogLevel.Information, "Lead {LeadId} ({Reason}) raised for township {Jurisdiction}, visit due {VisitDue}")]
    public static partial void LeadRaised(ILogger logger, string leadId, string reason, string jurisdiction, DateTimeOffset? visitDue);

    [LoggerMessage(13005, LogLevel.Warning, "Lead {LeadId} escalated (督办): the visit was due {VisitDue}")]
    public static partial void LeadEscalated(ILogger logger, string leadId, DateTimeOffset? visitDue);

    [LoggerMessage(13006, LogLevel.Information, "Household {BeneficiaryId} ({Program}): handover from {From} to {To} {State}")]
    public static partial void Handover(ILogger logger, string beneficiaryId, string program, string from, string to, string state);
}
