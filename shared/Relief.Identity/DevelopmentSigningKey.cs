using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Relief.Identity;

/// <summary>
/// The local development signing key (HMAC-SHA256, 32 random bytes, base64 in a git-ignored file): created on first use
/// by whichever comes first — the app, the token command or the test run — and read by all of them. Tokens it signs carry
/// the issuer <see cref="Issuer"/>; an app configured with an OpenID Connect authority never reads it.
/// </summary>
public static class DevelopmentSigningKey
{
    /// <summary>The issuer of development tokens.</summary>
    public const string Issuer = "relief-development";

    /// <summary>The audience of development tokens, and the app's default audience.</summary>
    public const string DefaultAudience = "api://relief";

    /// <summary>The key file's default path, relative to the repository root (git-ignored).</summary>
    public const string DefaultPath = ".relief/dev-signing-key";

    /// <summary>Reads the key at <paramref name="path"/>, creating it (and its folder) when missing.</summary>
    public static SymmetricSecurityKey LoadOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
                if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite; // a secret: owner only
                using var file = new FileStream(full, options);
                using var writer = new StreamWriter(file);
                writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            }
            catch (IOException) when (File.Exists(full))
            {
                // Another process created it first: read theirs.
            }
        }

        return Read(full);
    }

    private static SymmetricSecurityKey Read(string path)
    {
        for (int attempt = 0; ; attempt++)
        {
            string text = File.ReadAllText(path).Trim();
            if (text.Length > 0 || attempt >= 50)
            {
                byte[] bytes;
                try
                {
                    bytes = Convert.FromBase64String(text);
                }
                catch (FormatException)
                {
                    throw new InvalidOperationException($"The development signing key file '{path}' is not base64; delete it and it is created again.");
                }

                if (bytes.Length < 32) throw new InvalidOperationException($"The development signing key in '{path}' is shorter than 32 bytes; delete it and it is created again.");
                return new SymmetricSecurityKey(bytes) { KeyId = "relief-dev-" + Convert.ToHexString(SHA256.HashData(bytes))[..8].ToLowerInvariant() };
            }

            Thread.Sleep(20); // created by another process this instant, not yet written
        }
    }
}
