using Relief.Cases.Intake;
using Relief.Domain.Households;
using Relief.Domain.Tekun;

namespace Relief.Cases.Assessment;

/// <summary>
/// What the policy engine needs to assess a case (审核评估). Built from the application with
/// <see cref="From"/>; after the investigation an orchestration replaces <see cref="Household"/> with the
/// household as found (<c>input with { Household = found }</c>).
/// </summary>
/// <param name="Program">The program.</param>
/// <param name="Household">The household to assess.</param>
/// <param name="ApplicantId">Resident ID value of the person a tekun decision is about (the applicant).</param>
/// <param name="Placement">Tekun placement (dispersed by default).</param>
/// <param name="Temporary">Temporary assistance: the need; required for both temporary types.</param>
/// <param name="AlreadyReceivedThisYear">Temporary assistance the household already received this calendar year (yuan).</param>
/// <param name="CaseByCaseAmount">A case-by-case total above the band set by the case worker (一事一议), if any.</param>
public sealed record AssessmentInput(
    AssistanceProgram Program,
    Household Household,
    string ApplicantId,
    Placement Placement = Placement.Dispersed,
    TemporaryNeed? Temporary = null,
    decimal AlreadyReceivedThisYear = 0m,
    decimal? CaseByCaseAmount = null)
{
    /// <summary>The input for a validated application as submitted.</summary>
    public static AssessmentInput From(ValidatedApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return new AssessmentInput(
            application.Program,
            application.Household,
            application.Applicant.Id.Value,
            application.TekunPlacement ?? Placement.Dispersed,
            application.Temporary);
    }

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Program = ").Append(Program).Append(", Jurisdiction = ").Append(Household.Jurisdiction).Append(", ApplicantId = ***");
        return true;
    }
}
