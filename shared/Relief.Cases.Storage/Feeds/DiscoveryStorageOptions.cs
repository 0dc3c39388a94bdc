namespace Relief.Cases.Storage.Feeds;

/// <summary>Where agency records, the people index, leads, visits and handovers are kept (section <c>Relief:Feeds:Storage</c>).</summary>
public sealed class DiscoveryStorageOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Relief:Feeds:Storage";

    /// <summary>Every agency record received, by feed and record id (the feeds' idempotency). Default <c>feedrecords</c>.</summary>
    public string RecordsTableName { get; set; } = "feedrecords";

    /// <summary>
    /// The people index (人员索引): per person (keyed pseudonym), the households he belongs to and what the feeds said
    /// of him (deceased, in custody). Default <c>people</c>.
    /// </summary>
    public string PeopleTableName { get; set; } = "people";

    /// <summary>Leads (疑似困难群众线索), by township; the open-lead slot per person and reason. Default <c>leads</c>.</summary>
    public string LeadsTableName { get; set; } = "leads";

    /// <summary>Monthly visits to beneficiaries (巡访), by jurisdiction and month. Default <c>visits</c>.</summary>
    public string VisitsTableName { get; set; } = "visits";

    /// <summary>Households handed over to another jurisdiction after a hukou move (转办). Default <c>handovers</c>.</summary>
    public string HandoversTableName { get; set; } = "handovers";

    /// <summary>Throws when a value is unusable.</summary>
    public void Validate()
    {
        string[] names = [RecordsTableName, PeopleTableName, LeadsTableName, VisitsTableName, HandoversTableName];
        StorageNames.ThrowIfInvalidTable(RecordsTableName, nameof(RecordsTableName));
        StorageNames.ThrowIfInvalidTable(PeopleTableName, nameof(PeopleTableName));
        StorageNames.ThrowIfInvalidTable(LeadsTableName, nameof(LeadsTableName));
        StorageNames.ThrowIfInvalidTable(VisitsTableName, nameof(VisitsTableName));
        StorageNames.ThrowIfInvalidTable(HandoversTableName, nameof(HandoversTableName));
        if (names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Length)
        {
            throw new ArgumentException("The discovery tables must have five different names.", nameof(RecordsTableName));
        }
    }
}
