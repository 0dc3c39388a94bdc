namespace Relief.Cases.Transfers;

/// <summary>
/// A transfer (转办) of a case, or part of it, to a department, as kept on the case record. The accepting
/// office stays responsible (首问负责制).
/// </summary>
/// <param name="TransferId">Unique within the case, e.g. <c>t1</c>.</param>
/// <param name="Department">The department.</param>
/// <param name="Subject">What is transferred, free of personal data (e.g. <c>medical assistance for member 2</c>).</param>
/// <param name="State">Where the transfer stands.</param>
/// <param name="OpenedAt">When it was sent.</param>
/// <param name="DueAt">When the reply is due (see <see cref="Deadlines.CaseDeadlinePlanner.TransferReply"/>).</param>
/// <param name="AnsweredAt">When the department replied, if it has.</param>
public sealed record TransferRecord(
    string TransferId,
    Department Department,
    string Subject,
    TransferState State,
    DateTimeOffset OpenedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? AnsweredAt = null);
