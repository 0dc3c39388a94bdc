using System.Security.Cryptography;

namespace Relief.Cases.Identifiers;

/// <summary>
/// Source of new identifiers (case ids, document ids). Injected so tests are deterministic; product code never
/// calls <c>Guid.NewGuid</c> (orchestrators use their context's id instead).
/// </summary>
public interface IIdentifierSource
{
    /// <summary>A new id: lower-case letters and digits, safe in table keys, blob names and URLs.</summary>
    string NewId();
}

/// <summary>128 random bits as 32 lower-case hex characters, from the OS cryptographic generator.</summary>
public sealed class RandomIdentifierSource : IIdentifierSource
{
    /// <summary>The shared instance.</summary>
    public static RandomIdentifierSource Instance { get; } = new();

    /// <inheritdoc />
    public string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}

/// <summary>Deterministic ids for tests and replays: <c>{prefix}0001</c>, <c>{prefix}0002</c>, …</summary>
public sealed class SequentialIdentifierSource(string prefix = "id") : IIdentifierSource
{
    private int _next;

    /// <inheritdoc />
    public string NewId() => prefix + Interlocked.Increment(ref _next).ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
}
