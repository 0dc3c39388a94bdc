using Relief.Domain.Decisions;
using Relief.Domain.Explanations;
using Relief.Domain.Money;
using Relief.Domain.Policies;

namespace Relief.Domain.Temporary;

/// <summary>
/// Temporary assistance amount (临时救助, seeds 000, 001, 004): a monthly level within the band
/// around the monthly dibao standard, times the months of need; optionally a case-by-case total
/// above it flagged for higher approval; then cut to what remains of the household's yearly cap.
/// </summary>
public static class TemporaryAssistanceRules
{
    /// <summary>Decides a request under a policy on <paramref name="date"/>.</summary>
    public static TemporaryAssistanceDecision Decide(TemporaryAssistanceRequest request, PolicyParameters policy, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.MonthsOfNeed, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Instalments, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(request.AlreadyReceivedThisYear);
        if (request.Type == TemporaryAssistanceType.Emergency && request.Instalments != 1)
        {
            throw new ArgumentException("Emergency assistance is paid at once; instalments are for the expenditure type.", nameof(request));
        }

        var e = new ExplanationBuilder();
        DecisionSupport.NotePolicy(e, policy, date, "dibao", "temporary");
        if (request.Type == TemporaryAssistanceType.Emergency && request.EmergencyPlace is { } place && place != request.Household.Jurisdiction)
        {
            e.Note("temporary.emergency-place", "Emergency assistance is granted where the emergency happened (急难发生地), under that place's policy, whatever the hukou", null,
                ("emergencyPlace", place), ("householdJurisdiction", request.Household.Jurisdiction));
        }

        if (policy.Temporary is not { } t)
        {
            e.Note("temporary.not-in-force", "The policy sets no temporary assistance parameters");
            return new TemporaryAssistanceDecision { Outcome = DecisionOutcome.NoRuleInForce, Amount = 0m, AmountKind = AmountKind.OneOff, Reasons = ["The jurisdiction's policy sets no temporary assistance parameters."], Explanation = e.Build(), Type = request.Type };
        }

        bool emergency = request.Type == TemporaryAssistanceType.Emergency;
        e.Note("temporary.type", emergency
            ? "Emergency type (急难型): immediate, no economic verification or community review"
            : "Expenditure type (支出型): normal procedure, one approval, payable in instalments", null, ("type", request.Type));

        decimal standard = policy.Dibao.StandardFor(request.Household.Registration);
        decimal low = MoneyRounding.ToFen(standard * (1m - t.BandShare));
        decimal high = MoneyRounding.ToFen(standard * (1m + t.BandShare));
        decimal proposed = request.ProposedMonthlyAmount ?? standard;
        decimal monthly = Math.Clamp(MoneyRounding.ToFen(proposed), low, high);
        e.Note("temporary.band", "Monthly level within the band around the monthly dibao standard (参照低保月标准上下浮动)", monthly,
            ("standard", standard), ("band", t.BandShare), ("low", low), ("high", high), ("proposed", proposed));
        decimal amount = MoneyRounding.ToFen(monthly * request.MonthsOfNeed);
        e.Add("temporary.months", "Grant = monthly level × months of need", amount, amount, ("monthly", monthly), ("months", request.MonthsOfNeed));

        bool higherApproval = false;
        if (request.CaseByCaseAmount is { } caseAmount && MoneyRounding.ToFen(caseAmount) > amount)
        {
            decimal extra = MoneyRounding.ToFen(caseAmount) - amount;
            amount += extra;
            higherApproval = true;
            e.Add("temporary.case-by-case", "Case-by-case amount above the band for major hardship (一事一议); needs higher approval", amount, extra,
                ("caseByCase", caseAmount), ("bandAmount", amount - extra));
        }

        decimal remaining = Math.Max(0m, t.YearlyCapPerHousehold - request.AlreadyReceivedThisYear);
        DateOnly capSince = policy.InForceSince("temporary.yearlyCapPerHousehold");
        e.Note("temporary.cap", $"Yearly cap per household (年度救助上限, in force since {capSince:yyyy-MM-dd}) less what the household already received this year", remaining,
            ("yearlyCap", t.YearlyCapPerHousehold), ("capInForceSince", capSince), ("alreadyReceived", request.AlreadyReceivedThisYear), ("remaining", remaining));
        bool capped = false;
        if (amount > remaining)
        {
            capped = true;
            e.Add("temporary.cap-cut", $"Cut to the {remaining:0.00} yuan that remains of the {t.YearlyCapPerHousehold:0.00} yuan yearly cap (already received {request.AlreadyReceivedThisYear:0.00})",
                remaining, remaining - amount, ("requested", amount), ("remaining", remaining));
            amount = remaining;
        }

        if (amount == 0m)
        {
            return new TemporaryAssistanceDecision
            {
                Outcome = DecisionOutcome.Ineligible,
                Amount = 0m,
                AmountKind = AmountKind.OneOff,
                Reasons = ["The household has already received the yearly cap of temporary assistance."],
                Explanation = e.Build(),
                Type = request.Type,
                CappedByYearlyLimit = capped,
                RequiresEconomicVerification = !emergency,
            };
        }

        bool reserve = emergency && amount <= t.SmallAdvanceLimit;
        if (emergency)
        {
            e.Note("temporary.advance", reserve
                ? "Advance relief from the township reserve fund (小额快救, 备用金), paperwork and public notice after"
                : "Advance relief (先行救助): pay first, paperwork and public notice after (事后公示)", amount,
                ("payWithinHours", t.AdvanceReliefHours), ("smallAdvanceLimit", t.SmallAdvanceLimit));
        }

        DateOnly firstMonth = new DateOnly(date.Year, date.Month, 1).AddMonths(emergency ? 0 : 1);
        IReadOnlyList<decimal> parts = MoneyRounding.SplitExactly(amount, request.Instalments);
        Instalment[] plan = parts.Select((p, i) => new Instalment(i + 1, firstMonth.AddMonths(i), p)).ToArray();
        if (plan.Length > 1)
        {
            e.Note("temporary.instalments", "One approval, paid in monthly instalments (一次审批、分期救助); the instalments add up to the grant", amount,
                ("instalments", plan.Length), ("first", plan[0].Amount), ("last", plan[^1].Amount));
        }

        return new TemporaryAssistanceDecision
        {
            Outcome = DecisionOutcome.Eligible,
            Amount = amount,
            AmountKind = AmountKind.OneOff,
            Reasons = [],
            Explanation = e.Build(),
            Type = request.Type,
            RequiresHigherApproval = higherApproval,
            CappedByYearlyLimit = capped,
            AdvanceRelief = emergency,
            FromReserveFund = reserve,
            PayWithinHours = emergency ? t.AdvanceReliefHours : null,
            RequiresEconomicVerification = !emergency,
            Instalments = plan,
        };
    }
}
