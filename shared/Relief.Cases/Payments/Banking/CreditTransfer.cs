namespace Relief.Cases.Payments.Banking;

/// <summary>One credit transfer of a bank file (a <c>CdtTrfTxInf</c> of pain.001).</summary>
/// <param name="EndToEndId">The id the bank reports back (at most 35 characters; see <see cref="BankIds.EndToEndId"/>).</param>
/// <param name="Amount">Yuan, positive, to the fen.</param>
/// <param name="CreditorName">The account holder.</param>
/// <param name="CreditorAccount">The account number (digits).</param>
/// <param name="CreditorBankCode">The bank's CNAPS code.</param>
/// <param name="Remittance">Unstructured remittance text (program and period; no personal data).</param>
public sealed record CreditTransfer(string EndToEndId, decimal Amount, string CreditorName, string CreditorAccount, string CreditorBankCode, string Remittance);

/// <summary>The paying office's account (the debtor of every transfer), from settings.</summary>
/// <param name="Name">The paying office (e.g. the civil-affairs bureau's social-assistance fund account).</param>
/// <param name="Account">Its account number.</param>
/// <param name="BankCode">Its bank's CNAPS code.</param>
public sealed record DebtorAccount(string Name, string Account, string BankCode);
