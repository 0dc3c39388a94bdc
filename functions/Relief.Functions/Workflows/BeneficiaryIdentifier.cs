using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Relief.Cases.Intake;
using Relief.Domain.Households;

namespace Relief.Functions.Workflows;

/// <summary>Options of <see cref="BeneficiaryIdentifier"/> (section <c>Relief:Cases:Beneficiary</c>).</summary>
public sealed class BeneficiaryIdOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Relief:Cases:Beneficiary";

    /// <summary>Shortest key accepted, in bytes.</summary>
    public const int MinKeyBytes = 32;

    /// <summary>
    /// The secret HMAC key, base64, at least 32 bytes. No default: the host does not start without it. Keep it in a
    /// secret store; changing it changes every beneficiary id (and so the payment idempotency keys) — never rotate it
    /// between a decision and its payments.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>The key's bytes; throws naming the setting when it is missing or too short.</summary>
    public byte[] KeyBytes()
    {
        const string setting = Section + ":" + nameof(Key);
        if (string.IsNullOrWhiteSpace(Key))
        {
            throw new OptionsValidationException(setting, typeof(BeneficiaryIdOptions), [$"{setting} is not set: a secret base64 key of at least {MinKeyBytes} bytes (pseudonymous beneficiary ids)."]);
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(Key);
        }
        catch (FormatException)
        {
            throw new OptionsValidationException(setting, typeof(BeneficiaryIdOptions), [$"{setting} is not valid base64."]);
        }

        return bytes.Length >= MinKeyBytes
            ? bytes
            : throw new OptionsValidationException(setting, typeof(BeneficiaryIdOptions), [$"{setting} has {bytes.Length} bytes; at least {MinKeyBytes} are required."]);
    }
}

/// <summary>
/// The pseudonymous beneficiary id of a household (the first part of a payment's idempotency key): <c>hh-</c> and 20 hex
/// digits of HMAC-SHA256 of the applicant's resident ID under a secret key. Two cases of one household share it; without
/// the key an ID number cannot be confirmed by hashing candidates (resident IDs are few enough to enumerate, so a
/// plain hash would not protect them).
/// </summary>
public sealed class BeneficiaryIdentifier(IOptions<BeneficiaryIdOptions> options)
{
    private readonly byte[] _key = (options ?? throw new ArgumentNullException(nameof(options))).Value.KeyBytes();

    /// <summary>The beneficiary id of an application's household.</summary>
    public string Of(ValidatedApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        byte[] mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("relief-beneficiary|" + application.Applicant.Id.Value));
        return "hh-" + Convert.ToHexStringLower(mac)[..20];
    }

    /// <summary>
    /// The pseudonymous key of one person (<c>pp-</c> and 20 hex digits, under the same secret key, another purpose
    /// label): how the people index and leads find a person named by an agency record without storing his ID number
    /// as a key.
    /// </summary>
    public string PersonOf(ResidentIdNumber person)
    {
        ArgumentNullException.ThrowIfNull(person);
        byte[] mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("relief-person|" + person.Value));
        return "pp-" + Convert.ToHexStringLower(mac)[..20];
    }
}
