namespace Relief.Cases.Feeds;

/// <summary>The agency feeds Relief reads (部门数据推送), one integration queue each.</summary>
public enum FeedKind
{
    /// <summary>Deaths (死亡信息): civil registry, hospitals, funeral homes.</summary>
    Death,

    /// <summary>Disability registrations (残疾人证, 残联).</summary>
    Disability,

    /// <summary>Personal medical self-pay of a year (个人自付医疗费用, 医保局).</summary>
    MedicalSelfPay,

    /// <summary>Hukou moves (户籍迁移, 公安).</summary>
    HukouMove,

    /// <summary>Imprisonment and compulsory rehabilitation (服刑在押、强制隔离戒毒, 司法).</summary>
    Custody,

    /// <summary>Job placements (就业登记, 人社).</summary>
    JobPlacement,
}

/// <summary>The codes of <see cref="FeedKind"/> used in record keys, queues and the lead's source.</summary>
public static class FeedKinds
{
    /// <summary>Every feed.</summary>
    public static readonly IReadOnlyList<FeedKind> All = Enum.GetValues<FeedKind>();

    /// <summary><c>deaths</c>, <c>disability</c>, <c>medical-self-pay</c>, <c>hukou</c>, <c>custody</c>, <c>jobs</c>.</summary>
    public static string ToCode(this FeedKind kind) => kind switch
    {
        FeedKind.Death => "deaths",
        FeedKind.Disability => "disability",
        FeedKind.MedicalSelfPay => "medical-self-pay",
        FeedKind.HukouMove => "hukou",
        FeedKind.Custody => "custody",
        FeedKind.JobPlacement => "jobs",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
