using Relief.Cases.Audit;
using Relief.Cases.Records;
using Relief.Cases.Storage;

namespace Relief.Functions.Workflows;

/// <summary>Optimistic updates of a case record and idempotent audit appends, for activities.</summary>
public sealed class CaseUpdates(ICaseStore cases, IAuditLog audit)
{
    private const int MaxAttempts = 20;

    /// <summary>
    /// Applies <paramref name="change"/> to the stored record until the ETag update succeeds (re-reading on conflict).
    /// <paramref name="change"/> returns null when there is nothing to change. Returns the stored record.
    /// </summary>
    public async Task<CaseRecord> UpdateAsync(string caseId, Func<CaseRecord, CaseRecord?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            CaseRecord current = await cases.GetAsync(caseId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Case {caseId} does not exist.");
            CaseRecord? updated = change(current);
            if (updated is null)
            {
                return current;
            }

            CaseRecord? stored = await cases.TryUpdateAsync(updated, cancellationToken).ConfigureAwait(false);
            if (stored is not null)
            {
                return stored;
            }
        }

        throw new InvalidOperationException($"Case {caseId} kept changing; gave up after {MaxAttempts} attempts.");
    }

    /// <summary>Appends audit records once per operation (<c>{operationId}:{index}</c>): for operation ids that name
    /// one change by what it is (a request id, a review id, a feed record).</summary>
    public Task AppendAsync(string caseId, string operationId, string step, DateTimeOffset at, IReadOnlyList<AuditNote> notes, CancellationToken cancellationToken) =>
        AppendAsync(caseId, operationId, step, at, notes, keyedOnContent: false, cancellationToken);

    /// <summary>
    /// Appends the audit records of a workflow activity once per operation and content (<c>{operationId}:{index}</c>
    /// with the note's kind, actor and summary). The content is part of the key because a workflow's operation id
    /// (<c>{instanceId}:{n}</c>, from the orchestration's counter) only names the same change within one committed
    /// history: after a crash, the framework's provider may already have run an activity of an episode whose history
    /// was never saved (it sends the episode's messages before saving it), and the replay can give the same n to a
    /// different change. Keyed on the id alone, that second change's record was taken for a repeat and dropped (a
    /// lost "every agency has answered" after a kill -9). A retried activity, or a replay giving the same n to the
    /// same note, still writes it once.
    /// </summary>
    public Task AppendWorkflowAsync(string caseId, string operationId, string step, DateTimeOffset at, IReadOnlyList<AuditNote> notes, CancellationToken cancellationToken) =>
        AppendAsync(caseId, operationId, step, at, notes, keyedOnContent: true, cancellationToken);

    private async Task AppendAsync(string caseId, string operationId, string step, DateTimeOffset at, IReadOnlyList<AuditNote> notes, bool keyedOnContent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notes);
        for (int i = 0; i < notes.Count; i++)
        {
            AuditNote note = notes[i];
            var entry = new AuditEntry(caseId, 0, at, note.Kind, note.Actor, step, note.Summary, note.Due);
            string key = keyedOnContent ? $"{operationId}:{i}:{note.Kind}:{note.Actor}:{note.Summary}" : $"{operationId}:{i}";
            await audit.AppendAsync(entry, key, cancellationToken).ConfigureAwait(false);
        }
    }
}
