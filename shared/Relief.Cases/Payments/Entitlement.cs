using System.Globalization;

namespace Relief.Cases.Payments;

/// <summary>
/// A household's monthly benefit in the beneficiary register (救助对象名册): program, jurisdiction, members, and every
/// change with the month it takes effect. The amount of a month is the one in force that month
/// (<see cref="AmountFor"/>); changes apply from the month they name (adjustments, gradual exit, termination from the
/// next month — the caller picks the month). Immutable: <see cref="Append"/> returns a new entitlement.
/// </summary>
/// <param name="BeneficiaryId">Pseudonymous household id (never an ID-card number).</param>
/// <param name="Program">Program code (<c>dibao</c>, <c>tekun</c>).</param>
/// <param name="Jurisdiction">Jurisdiction code of the paying office, e.g. <c>qingdao/shinan</c>.</param>
/// <param name="CaseId">The case that enrolled it.</param>
/// <param name="Members">Persons covered.</param>
/// <param name="Changes">Every change, in the order recorded.</param>
public sealed record Entitlement(
    string BeneficiaryId,
    string Program,
    string Jurisdiction,
    string CaseId,
    int Members,
    IReadOnlyList<EntitlementChange> Changes)
{
    /// <summary>The largest monthly amount accepted (yuan): far above any standard × household size.</summary>
    public const decimal MaxMonthlyAmount = 1_000_000m;

    /// <summary>
    /// For a payment plan (expenditure-type instalments, 分期救助): the one-off payments and their months, paid by the
    /// payroll of each month; null for a monthly benefit.
    /// </summary>
    public IReadOnlyList<PlannedPayment>? Plan { get; init; }

    /// <summary>Beneficiary and program (and the case, for a plan: a household may have two plans): one entitlement each.</summary>
    public string Key => Plan is null ? BeneficiaryId + "|" + Program : BeneficiaryId + "|" + Program + "|" + CaseId;

    /// <summary>A payment plan (instalments) registered on approval: paid month by month, finished after its last payment.</summary>
    public static Entitlement ForPlan(string beneficiaryId, string program, string jurisdiction, string caseId, int members, IReadOnlyList<PlannedPayment> plan, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Count == 0 || plan.Any(p => p.Amount <= 0m || decimal.Round(p.Amount, 2) != p.Amount))
        {
            throw new ArgumentException("A plan holds at least one payment, each positive and to the fen.", nameof(plan));
        }

        PayPeriod first = plan.Min(p => p.Month);
        var enrolment = new EntitlementChange(EntitlementChangeKind.Enrolled, first, plan.Sum(p => p.Amount), null, "Instalment plan approved", caseId, recordedAt);
        return new Entitlement(beneficiaryId, program, jurisdiction, caseId, Math.Max(1, members), [enrolment]) { Plan = plan };
    }

    /// <summary>
    /// The payments due in <paramref name="period"/>: the monthly amount in force (period <c>yyyy-MM</c>), or the plan's
    /// payments of that month (their own periods) — none once the entitlement is suspended or ended.
    /// </summary>
    public IEnumerable<(string Period, decimal Amount, PayPeriod? Month)> PaymentsFor(PayPeriod period)
    {
        if (Plan is null)
        {
            decimal amount = AmountFor(period);
            if (amount > 0m) yield return (period.ToString(), amount, null);
            yield break;
        }

        if (StateAt(period) != EntitlementState.Active) yield break;
        foreach (PlannedPayment payment in Plan.Where(p => p.Month == period))
        {
            yield return (payment.Period, payment.Amount, payment.Month);
        }
    }

    /// <summary>A new entitlement from its enrolment.</summary>
    public static EntitlementResult Enrol(string beneficiaryId, string program, string jurisdiction, string caseId, int members, EntitlementChange enrolment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(beneficiaryId);
        ArgumentException.ThrowIfNullOrWhiteSpace(program);
        ArgumentException.ThrowIfNullOrWhiteSpace(jurisdiction);
        ArgumentException.ThrowIfNullOrWhiteSpace(caseId);
        ArgumentNullException.ThrowIfNull(enrolment);
        if (enrolment.Kind != EntitlementChangeKind.Enrolled)
        {
            return EntitlementResult.Refused("An entitlement starts with its enrolment.");
        }

        if (members < 1)
        {
            return EntitlementResult.Refused("An entitlement covers at least one person.");
        }

        return CheckAmount(enrolment) ?? EntitlementResult.Of(new Entitlement(beneficiaryId, program, jurisdiction, caseId, members, [enrolment]));
    }

    /// <summary>
    /// Appends a change, or says why it cannot apply: nothing after a termination; no change earlier than one already
    /// recorded (history is not rewritten: a correction is a new change from a month); amounts positive and to the fen;
    /// a gradual exit ends on or after its first month; resume only what is suspended.
    /// </summary>
    public EntitlementResult Append(EntitlementChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        EntitlementChange last = Changes[^1];
        if (Changes.Any(c => c.Kind == EntitlementChangeKind.Terminated))
        {
            return EntitlementResult.Refused("The entitlement is terminated; a new enrolment is needed.");
        }

        if (change.From < last.From)
        {
            return EntitlementResult.Refused(string.Create(CultureInfo.InvariantCulture, $"A change from {change.From} cannot precede the last change, from {last.From}."));
        }

        switch (change.Kind)
        {
            case EntitlementChangeKind.Enrolled:
                return EntitlementResult.Refused("The household is already enrolled in this program.");
            case EntitlementChangeKind.Adjusted:
                return CheckAmount(change) ?? EntitlementResult.Of(this with { Changes = [.. Changes, change] });
            case EntitlementChangeKind.GradualExit when change.Until is not { } until || until < change.From:
                return EntitlementResult.Refused("A gradual exit names its last month paid, on or after its first month.");
            case EntitlementChangeKind.Resumed when StateAt(change.From) != EntitlementState.Suspended:
                return EntitlementResult.Refused("Only a suspended entitlement can resume.");
            default:
                return EntitlementResult.Of(this with { Changes = [.. Changes, change] });
        }
    }

    /// <summary>The amount in force for <paramref name="period"/>; 0 when nothing is due that month.</summary>
    public decimal AmountFor(PayPeriod period) =>
        StateAt(period) == EntitlementState.Active
            ? Changes.Last(c => c.From <= period && c.Kind is EntitlementChangeKind.Enrolled or EntitlementChangeKind.Adjusted).MonthlyAmount!.Value
            : 0m;

    /// <summary>The state in <paramref name="period"/>.</summary>
    public EntitlementState StateAt(PayPeriod period)
    {
        EntitlementState state = EntitlementState.NotYetStarted;
        foreach (EntitlementChange change in Changes.Where(c => c.From <= period))
        {
            state = change.Kind switch
            {
                EntitlementChangeKind.Enrolled or EntitlementChangeKind.Resumed => EntitlementState.Active,
                EntitlementChangeKind.Adjusted => state == EntitlementState.Suspended ? state : EntitlementState.Active,
                EntitlementChangeKind.GradualExit => period <= change.Until!.Value ? EntitlementState.Active : EntitlementState.Ended,
                EntitlementChangeKind.Suspended => EntitlementState.Suspended,
                _ => EntitlementState.Ended,
            };
        }

        return state;
    }

    private static EntitlementResult? CheckAmount(EntitlementChange change) =>
        change.MonthlyAmount is not { } amount || amount <= 0m || amount > MaxMonthlyAmount || decimal.Round(amount, 2) != amount
            ? EntitlementResult.Refused(string.Create(CultureInfo.InvariantCulture, $"A monthly amount is positive, at most {MaxMonthlyAmount}, and to the fen; got {change.MonthlyAmount?.ToString(CultureInfo.InvariantCulture) ?? "none"}."))
            : null;
}

/// <summary>One payment of a plan: its month, its own period label (e.g. <c>instalment-2@case-1</c>) and amount.</summary>
/// <param name="Month">The month it is paid in.</param>
/// <param name="Period">Its period label (part of the idempotency key).</param>
/// <param name="Amount">Yuan, to the fen.</param>
public sealed record PlannedPayment(PayPeriod Month, string Period, decimal Amount);

/// <summary>Where an entitlement stands in a month.</summary>
public enum EntitlementState
{
    /// <summary>Before its first month.</summary>
    NotYetStarted,

    /// <summary>Paid this month.</summary>
    Active,

    /// <summary>Not paid this month, may resume.</summary>
    Suspended,

    /// <summary>Terminated or past its gradual exit.</summary>
    Ended,
}

/// <summary>The outcome of enrolling or changing an entitlement: the new entitlement, or why not.</summary>
public sealed record EntitlementResult(Entitlement? Entitlement, string? Error)
{
    /// <summary>True when it applied.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Entitlement))]
    public bool Applied => Entitlement is not null;

    internal static EntitlementResult Of(Entitlement entitlement) => new(entitlement, null);

    internal static EntitlementResult Refused(string error) => new(null, error);
}
