namespace Relief.Cases.Feeds;

// The JSON messages the agencies post (documented in functions/Relief.Functions/Feeds/feeds.schema.json). Every field
// is nullable so that FeedValidator can list every problem at once; property names are camelCase. They hold resident
// ID numbers: never log them (ToString is not overridden to print them anywhere).

/// <summary>A death (死亡信息) from the civil registry, a hospital or a funeral home.</summary>
public sealed record DeathNoticeMessage
{
    /// <summary>The agency's own record id (the idempotency key with the feed).</summary>
    public string? RecordId { get; init; }

    /// <summary>The deceased's resident ID number.</summary>
    public string? ResidentId { get; init; }

    /// <summary>Date of death.</summary>
    public DateOnly? DateOfDeath { get; init; }

    /// <summary><c>civil-registry</c>, <c>hospital</c> or <c>funeral-home</c>.</summary>
    public string? Source { get; init; }
}

/// <summary>A disability registration (残疾人证核发) from the disabled persons' federation.</summary>
public sealed record DisabilityRegistrationMessage
{
    /// <summary>The agency's own record id.</summary>
    public string? RecordId { get; init; }

    /// <summary>The person's resident ID number.</summary>
    public string? ResidentId { get; init; }

    /// <summary>Where the person lives (jurisdiction code, e.g. <c>qingdao/shinan</c>): the township a lead goes to.</summary>
    public string? Jurisdiction { get; init; }

    /// <summary><c>visual</c>, <c>hearing</c>, <c>speech</c>, <c>physical</c>, <c>intellectual</c>, <c>mental</c>, <c>multiple</c>.</summary>
    public string? Type { get; init; }

    /// <summary>Grade 1 (most severe) to 4.</summary>
    public int? Grade { get; init; }

    /// <summary>Date of registration.</summary>
    public DateOnly? RegisteredOn { get; init; }
}

/// <summary>A person's cumulative medical self-pay in a year (个人自付医疗费用) from the medical-insurance bureau.</summary>
public sealed record MedicalSelfPayMessage
{
    /// <summary>The agency's own record id.</summary>
    public string? RecordId { get; init; }

    /// <summary>The person's resident ID number.</summary>
    public string? ResidentId { get; init; }

    /// <summary>Where the person lives (jurisdiction code).</summary>
    public string? Jurisdiction { get; init; }

    /// <summary>The calendar year the amount covers.</summary>
    public int? Year { get; init; }

    /// <summary>Yuan paid by the person himself in that year, to the fen.</summary>
    public decimal? SelfPaid { get; init; }

    /// <summary>The date the figure was computed (the record's date).</summary>
    public DateOnly? AsOf { get; init; }
}

/// <summary>A hukou move (户籍迁移) from the public-security bureau.</summary>
public sealed record HukouMoveMessage
{
    /// <summary>The agency's own record id.</summary>
    public string? RecordId { get; init; }

    /// <summary>The person's resident ID number.</summary>
    public string? ResidentId { get; init; }

    /// <summary>Jurisdiction code moved from.</summary>
    public string? FromJurisdiction { get; init; }

    /// <summary>Jurisdiction code moved to.</summary>
    public string? ToJurisdiction { get; init; }

    /// <summary>Date of the move.</summary>
    public DateOnly? MovedOn { get; init; }
}

/// <summary>Imprisonment or compulsory rehabilitation (服刑在押、强制隔离戒毒) from the justice bureau.</summary>
public sealed record CustodyNoticeMessage
{
    /// <summary>The agency's own record id.</summary>
    public string? RecordId { get; init; }

    /// <summary>The person's resident ID number.</summary>
    public string? ResidentId { get; init; }

    /// <summary>Where the person's family lives (jurisdiction code): the township leads for the children go to.</summary>
    public string? Jurisdiction { get; init; }

    /// <summary><c>imprisonment</c> or <c>compulsoryRehabilitation</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>First day in custody.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Expected release, if known.</summary>
    public DateOnly? Until { get; init; }

    /// <summary>Resident ID numbers of the person's minor children (服刑人员未成年子女), if any.</summary>
    public IReadOnlyList<string>? Children { get; init; }
}

/// <summary>A job placement (就业登记) from the human-resources and social-security bureau.</summary>
public sealed record JobPlacementMessage
{
    /// <summary>The agency's own record id.</summary>
    public string? RecordId { get; init; }

    /// <summary>The person's resident ID number.</summary>
    public string? ResidentId { get; init; }

    /// <summary>First day of work.</summary>
    public DateOnly? StartedOn { get; init; }

    /// <summary>Monthly wage in yuan, when known.</summary>
    public decimal? MonthlyWage { get; init; }
}
