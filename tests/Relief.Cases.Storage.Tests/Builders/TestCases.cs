using Relief.Cases.Deadlines;
using Relief.Cases.Intake;
using Relief.Cases.Lifecycle;
using Relief.Cases.Records;

namespace Relief.Cases.Storage.Tests.Builders;

/// <summary>Case records and applications for storage tests.</summary>
internal static class TestCases
{
    public static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, Cst);

    public static CaseRecord Case(string caseId, CaseStep step = CaseStep.Investigation, string jurisdiction = "qingdao/shinan", DateTimeOffset? due = null)
    {
        DateTimeOffset expires = due ?? T0.AddDays(3);
        return new CaseRecord
        {
            CaseId = caseId,
            Program = AssistanceProgram.Dibao,
            Jurisdiction = jurisdiction,
            Step = step,
            CreatedAt = T0,
            UpdatedAt = T0,
            Deadlines = [new CaseDeadline(CaseDeadlineKind.InvestigationStart, DateOnly.FromDateTime(expires.AddDays(-1).DateTime), expires, "3 working days from acceptance (policy)")],
        };
    }

    public static ApplicationRequest Application() => new()
    {
        Program = "dibao",
        Jurisdiction = "qingdao/shinan",
        Registration = "urban",
        Members = [new MemberRequest { ResidentId = "370202198005170011", Relationship = "applicant" }],
        Incomes = [new IncomeRequest { Kind = "wages", MonthlyAmount = 900.5m }],
        Contact = new ContactRequest { Phone = "13800138000" },
        ConsentToEconomicVerification = true,
    };
}
