using System.Security.Cryptography;
using System.Text;

namespace Relief.Cases.Payments.Banking;

/// <summary>Ids that travel to the bank: short, stable, free of personal data.</summary>
public static class BankIds
{
    /// <summary>
    /// The end-to-end id of a payment: <c>R</c> and 32 hex digits of SHA-256 of its idempotency key (33 characters;
    /// ISO 20022 allows 35). The same payment always gets the same id, and the id reveals nothing.
    /// </summary>
    public static string EndToEndId(string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        return "R" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..32];
    }
}
