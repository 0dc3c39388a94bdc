namespace Relief.Cases.Storage.Statistics;

/// <summary>Where the statistics are kept (section <c>Relief:Statistics:Storage</c>).</summary>
public sealed class StatisticsStorageOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Relief:Statistics:Storage";

    /// <summary>The statistics table: counters and the keys of the events counted. Default <c>statistics</c>.</summary>
    public string TableName { get; set; } = "statistics";

    /// <summary>
    /// Counter shards per month (1–64). Each event counts in one shard (by its key's hash), so concurrent writers rarely
    /// meet on one row; a read of a month reads every shard (one request each). Default 8. Changing it later splits a
    /// month's existing counts over the old shard count only for reads — set it before the first event.
    /// </summary>
    public int Shards { get; set; } = 8;

    /// <summary>Throws when a value is unusable.</summary>
    public void Validate()
    {
        StorageNames.ThrowIfInvalidTable(TableName, nameof(TableName));
        if (Shards is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(Shards), Shards, "Statistics shards are between 1 and 64.");
        }
    }
}
