using Relief.Cases.Intake;

namespace Relief.Cases.Records;

/// <summary>How two cases are related.</summary>
public enum CaseLinkKind
{
    /// <summary>This emergency case was referred on to the linked case (转诊), because the hardship lasts.</summary>
    ReferredTo,

    /// <summary>This case was opened by a referral from the linked emergency case.</summary>
    ReferredFrom,
}

/// <summary>A link from one case to another.</summary>
/// <param name="Kind">The relation.</param>
/// <param name="CaseId">The other case.</param>
/// <param name="Program">The other case's program.</param>
public sealed record CaseLink(CaseLinkKind Kind, string CaseId, AssistanceProgram Program);
