namespace Relief.Functions.Identity;

/// <summary>
/// How bearer tokens are validated (section <c>Relief:Auth</c>). Exactly one source of signing keys: an OpenID Connect
/// <see cref="Authority"/> (production: the bureau's identity provider, keys from its metadata), or a
/// <see cref="DevelopmentKeyFile"/> (local runs and tests: created on first run, git-ignored). Neither, or both, stops
/// the worker at start naming the setting.
/// </summary>
public sealed class SignInOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Relief:Auth";

    /// <summary>The OpenID Connect authority (issuer URL); no default.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must name. Default <c>api://relief</c>.</summary>
    public string Audience { get; set; } = Relief.Identity.DevelopmentSigningKey.DefaultAudience;

    /// <summary>Accepted issuers, separated by <c>;</c>. Default: the authority's own issuer (or the development issuer).</summary>
    public string? ValidIssuers { get; set; }

    /// <summary>The development signing key file (absolute, or relative to the app folder); no default.</summary>
    public string? DevelopmentKeyFile { get; set; }

    /// <summary>Whether the authority's metadata must be fetched over HTTPS. Default true.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The issuers from <see cref="ValidIssuers"/>.</summary>
    public IReadOnlyList<string> Issuers() =>
        (ValidIssuers ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Throws naming the setting when the options cannot validate a token.</summary>
    public void Validate()
    {
        bool authority = !string.IsNullOrWhiteSpace(Authority), development = !string.IsNullOrWhiteSpace(DevelopmentKeyFile);
        if (authority == development)
        {
            throw new InvalidOperationException(authority
                ? $"Set only one of {Section}:Authority and {Section}:DevelopmentKeyFile: a deployment with an identity provider must not accept development tokens."
                : $"{Section}:Authority (the OpenID Connect issuer) is required; for local runs set {Section}:DevelopmentKeyFile instead (see README).");
        }

        if (authority && !Uri.TryCreate(Authority, UriKind.Absolute, out _)) throw new InvalidOperationException($"{Section}:Authority must be an absolute URL.");
        if (string.IsNullOrWhiteSpace(Audience)) throw new InvalidOperationException($"{Section}:Audience must not be empty.");
    }
}
