using System.Globalization;
using Relief.Cases.Assessment;
using Relief.Cases.Intake;
using Relief.Domain.Money;
using Relief.Domain.Policies;

namespace Relief.Cases.Payments;

/// <summary>
/// Turns decisions into <see cref="PaymentInstruction"/>s (发放指令). Monthly programs get the first month
/// (the month after approval, 自批准次月起发放; the monthly payroll writes the later ones); temporary assistance
/// gets one instruction per instalment; the emergency track gets an advance from the township reserve fund and,
/// after the final decision, the balance. One-off periods carry the case id
/// (<see cref="OneOffPeriod"/>) so two cases of the same household never share an idempotency key.
/// </summary>
public static class PaymentPlanner
{
    /// <summary>A one-off period unique to a case, e.g. <c>advance@case-1</c>, <c>instalment-2@case-1</c>.</summary>
    public static string OneOffPeriod(string name, string caseId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(caseId);
        return name + "@" + caseId;
    }

    /// <summary>
    /// The instructions an approval creates: nothing when not eligible; dibao and tekun the first month after
    /// <paramref name="approvedOn"/>; temporary assistance one per instalment (emergency: see
    /// <see cref="ForAdvanceRelief"/> and <see cref="ForEmergencyBalance"/> instead).
    /// </summary>
    public static IReadOnlyList<PaymentInstruction> ForApproval(string caseId, string beneficiaryId, CaseAssessment assessment, DateOnly approvedOn, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseId);
        ArgumentException.ThrowIfNullOrWhiteSpace(beneficiaryId);
        ArgumentNullException.ThrowIfNull(assessment);
        if (!assessment.IsEligible || assessment.Amount <= 0m)
        {
            return [];
        }

        string program = assessment.Program.ToCode();
        switch (assessment.Program)
        {
            case AssistanceProgram.Dibao:
            case AssistanceProgram.Tekun:
                DateOnly first = new DateOnly(approvedOn.Year, approvedOn.Month, 1).AddMonths(1);
                return [new PaymentInstruction(beneficiaryId, caseId, program, PaymentInstruction.MonthPeriod(first.Year, first.Month), assessment.Amount, FundSource.Regular, createdAt)];
            case AssistanceProgram.TemporaryExpenditure:
                return assessment.Instalments
                    .Select(i => new PaymentInstruction(beneficiaryId, caseId, program,
                        OneOffPeriod(string.Create(CultureInfo.InvariantCulture, $"instalment-{i.Number}"), caseId), i.Amount, FundSource.Regular, createdAt) { Month = PayPeriod.Of(i.Month) })
                    .ToArray();
            default:
                throw new ArgumentException("The emergency type is paid by ForAdvanceRelief and ForEmergencyBalance.", nameof(assessment));
        }
    }

    /// <summary>
    /// Emergency advance relief (先行救助, 小额快救): the grant up to the policy's small-advance limit, from the
    /// township reserve fund; null when not eligible.
    /// </summary>
    public static PaymentInstruction? ForAdvanceRelief(string caseId, string beneficiaryId, CaseAssessment assessment, PolicyParameters policy, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseId);
        ArgumentException.ThrowIfNullOrWhiteSpace(beneficiaryId);
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(policy);
        if (assessment.Program != AssistanceProgram.TemporaryEmergency || !assessment.IsEligible || assessment.Amount <= 0m)
        {
            return null;
        }

        decimal limit = policy.Temporary?.SmallAdvanceLimit ?? assessment.Amount;
        decimal amount = MoneyRounding.ToFen(Math.Min(assessment.Amount, limit));
        return new PaymentInstruction(beneficiaryId, caseId, AssistanceProgram.TemporaryEmergency.ToCode(), OneOffPeriod("advance", caseId), amount, FundSource.TownshipReserveFund, createdAt);
    }

    /// <summary>After the paperwork and post-hoc notice: the final amount less the advance already paid; null when nothing is left.</summary>
    public static PaymentInstruction? ForEmergencyBalance(string caseId, string beneficiaryId, decimal finalAmount, decimal advancePaid, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseId);
        ArgumentException.ThrowIfNullOrWhiteSpace(beneficiaryId);
        decimal balance = MoneyRounding.ToFen(finalAmount - advancePaid);
        return balance <= 0m
            ? null
            : new PaymentInstruction(beneficiaryId, caseId, AssistanceProgram.TemporaryEmergency.ToCode(), OneOffPeriod("balance", caseId), balance, FundSource.Regular, createdAt);
    }
}
