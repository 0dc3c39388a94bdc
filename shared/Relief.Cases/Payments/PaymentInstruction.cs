using System.Globalization;

namespace Relief.Cases.Payments;

/// <summary>
/// An instruction to pay one beneficiary for one program and period, written to the <c>payments</c> queue.
/// <see cref="IdempotencyKey"/> is the same for every retry of the same payment, so the payment function
/// pays it at most once however often the message is delivered.
/// </summary>
/// <param name="BeneficiaryId">The household or person paid (a pseudonymous id, never an ID-card number).</param>
/// <param name="CaseId">The case whose decision created the instruction.</param>
/// <param name="Program">The program code (e.g. <c>dibao</c>, <c>tekun</c>, <c>temporary-emergency</c>).</param>
/// <param name="Period">The period paid: <c>yyyy-MM</c> for a month, or a named one-off such as <c>advance</c>
/// or <c>instalment-2</c>.</param>
/// <param name="Amount">Yuan, already rounded to the fen.</param>
/// <param name="Source">The fund paid from.</param>
/// <param name="CreatedAt">When the decision created it.</param>
public sealed record PaymentInstruction(
    string BeneficiaryId,
    string CaseId,
    string Program,
    string Period,
    decimal Amount,
    FundSource Source,
    DateTimeOffset CreatedAt)
{
    /// <summary>
    /// For a one-off payment, the month it belongs to (an instalment's planned month): every writer files it under the
    /// same ledger month, so it is written once whoever writes it. Null: the period's month (monthly payments) or the
    /// month of <see cref="CreatedAt"/> (advances, balances).
    /// </summary>
    public PayPeriod? Month { get; init; }

    /// <summary>Beneficiary, program and period: one payment each, ever.</summary>
    public string IdempotencyKey => $"{BeneficiaryId}|{Program}|{Period}";

    /// <summary>The period string for a calendar month.</summary>
    public static string MonthPeriod(int year, int month) =>
        new DateOnly(year, month, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
