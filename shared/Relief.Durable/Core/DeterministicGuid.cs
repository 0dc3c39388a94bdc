using System.Security.Cryptography;
using System.Text;

namespace Relief.Durable.Core;

/// <summary>Name-based GUIDs (RFC 9562 version 8 layout over SHA-256): the same name gives the same GUID.</summary>
public static class DeterministicGuid
{
    /// <summary>Creates the GUID for <paramref name="name"/>.</summary>
    public static Guid Create(string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        var bytes = hash[..16].ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
