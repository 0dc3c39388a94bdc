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

    /// <summary>Beneficiary and program: one entitlement each.</summary>
    public string Key => BeneficiaryId + "|" + Program;

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
