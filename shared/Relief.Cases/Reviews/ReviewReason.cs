namespace Relief.Cases.Reviews;

/// <summary>Why a household is reviewed (核查缘由).</summary>
public enum ReviewReason
{
    /// <summary>The yearly or half-yearly review fell due (定期核查).</summary>
    Scheduled,

    /// <summary>The household reported a change (主动申报变化, 57号 Art. 30): the review is started early.</summary>
    SelfReportedChange,

    /// <summary>A beneficiary died (死亡): a review within 3 months.</summary>
    Death,
}

/// <summary>Codes of <see cref="ReviewReason"/> as they appear in requests, instance ids and the work list.</summary>
public static class ReviewReasons
{
    /// <summary>Months within which a review follows a beneficiary's death (死亡后3个月内核查).</summary>
    public const int MonthsAfterDeath = 3;

    /// <summary>The code: <c>scheduled</c>, <c>self-reported</c>, <c>death</c>.</summary>
    public static string ToCode(this ReviewReason reason) => reason switch
    {
        ReviewReason.Scheduled => "scheduled",
        ReviewReason.SelfReportedChange => "self-reported",
        ReviewReason.Death => "death",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
