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

    /// <summary>A member found work (人社就业登记): a review now.</summary>
    JobPlacement,

    /// <summary>A member who is not the applicant moved his hukou away (户籍迁出): the household's composition is reviewed.</summary>
    MemberMovedAway,

    /// <summary>A monthly visit found a change (巡访发现): a review now.</summary>
    VisitFinding,
}

/// <summary>Codes of <see cref="ReviewReason"/> as they appear in requests, instance ids and the work list.</summary>
public static class ReviewReasons
{
    /// <summary>Months within which a review follows a beneficiary's death (死亡后3个月内核查).</summary>
    public const int MonthsAfterDeath = 3;

    /// <summary>The code: <c>scheduled</c>, <c>self-reported</c>, <c>death</c>, <c>job-placement</c>, <c>member-moved</c>, <c>visit</c>.</summary>
    public static string ToCode(this ReviewReason reason) => reason switch
    {
        ReviewReason.Scheduled => "scheduled",
        ReviewReason.SelfReportedChange => "self-reported",
        ReviewReason.Death => "death",
        ReviewReason.JobPlacement => "job-placement",
        ReviewReason.MemberMovedAway => "member-moved",
        ReviewReason.VisitFinding => "visit",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
