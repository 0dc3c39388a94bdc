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

    /// <summary>Appends audit records once per operation (<c>{operationId}:{index}</c>).</summary>
    public async Task AppendAsync(string caseId, string operationId, string step, DateTimeOffset at, IReadOnlyList<AuditNote> notes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notes);
        for (int i = 0; i < notes.Count; i++)
        {
            AuditNote note = notes[i];
            var entry = new AuditEntry(caseId, 0, at, note.Kind, note.Actor, step, note.Summary, note.Due);
            await audit.AppendAsync(entry, $"{operationId}:{i}", cancellationToken).ConfigureAwait(false);
        }
    }
}
