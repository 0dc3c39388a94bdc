using System.Security.Cryptography;
using System.Text.Json;

namespace Relief.Cases.Storage.Idempotency;

/// <summary>SHA-256 fingerprints of request bodies, to tell a retry from a different request under the same key.</summary>
public static class RequestHash
{
    /// <summary>Lower-case hex SHA-256 of the raw body bytes.</summary>
    public static string Of(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>
    /// Hex SHA-256 of <paramref name="value"/> re-serialised with <see cref="StorageJson.Options"/>: the same
    /// request sent with other whitespace or property order hashes the same. Preferred for parsed bodies.
    /// </summary>
    public static string OfJson<T>(T value) => Of(JsonSerializer.SerializeToUtf8Bytes(value, StorageJson.Options));
}
