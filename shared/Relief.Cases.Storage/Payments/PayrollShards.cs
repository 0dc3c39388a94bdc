using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Relief.Cases.Storage.Payments;

/// <summary>
/// The partition keys of the register and ledger. A household's shard is a hash of its pseudonymous id, so the
/// households of a jurisdiction spread evenly and a payroll pays each shard independently (and in parallel).
/// Keys use the jurisdiction's first segment (<c>qingdao</c> for <c>qingdao/shinan</c>): one payroll per jurisdiction.
/// </summary>
public static class PayrollShards
{
    /// <summary>The shard of a beneficiary, 0 … <paramref name="shards"/> − 1.</summary>
    public static int Of(string beneficiaryId, int shards)
    {
        ArgumentException.ThrowIfNullOrEmpty(beneficiaryId);
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(beneficiaryId), hash);
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(hash) % (uint)shards);
    }

    /// <summary>The payroll jurisdiction of a jurisdiction code: its first segment.</summary>
    public static string Root(string jurisdiction)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jurisdiction);
        int slash = jurisdiction.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? jurisdiction : jurisdiction[..slash];
    }

    /// <summary>The register partition of a shard.</summary>
    public static string RegisterPartition(string root, int shard) => string.Create(CultureInfo.InvariantCulture, $"{root}|{shard:000}");

    /// <summary>The ledger partition of a month and shard.</summary>
    public static string LedgerPartition(string root, string month, int shard) => string.Create(CultureInfo.InvariantCulture, $"{root}|{month}|{shard:000}");
}
