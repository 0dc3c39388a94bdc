using Azure.Data.Tables;

namespace Relief.Durable.Storage;

/// <summary>Poison messages set aside with the reason (PK = queue name, RK = message id), for operators.</summary>
public sealed class QuarantineStore(DurableStorage storage)
{
    /// <summary>Records a quarantined message.</summary>
    public async Task AddAsync(string queue, string messageId, string reason, long dequeueCount, string body, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = new TableEntity(queue, messageId)
        {
            ["Reason"] = reason.Length > 8000 ? reason[..8000] : reason,
            ["QuarantinedAt"] = now,
            ["DequeueCount"] = dequeueCount,
            ["Body"] = body.Length > DurableStorage.MaxPropertyChars ? body[..DurableStorage.MaxPropertyChars] : body,
        };
        await storage.Quarantine.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lists quarantined messages.</summary>
    public async Task<IReadOnlyList<QuarantinedMessage>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<QuarantinedMessage>();
        await foreach (var row in storage.Quarantine.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(new QuarantinedMessage(row.RowKey, row.PartitionKey, row.GetString("Reason") ?? string.Empty,
                row.GetDateTimeOffset("QuarantinedAt") ?? default, row.GetInt64("DequeueCount") ?? 0, row.GetString("Body") ?? string.Empty));
        }
        return list;
    }
}
