using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Relief.Identity;

/// <summary>A development token's contents: who, in which roles, for which jurisdictions (and department).</summary>
/// <param name="Subject">Operator or citizen id, e.g. <c>0042</c> (never a name, phone or ID number).</param>
/// <param name="Roles">Roles (<see cref="ReliefRoles"/>).</param>
/// <param name="Areas">Jurisdictions (staff), e.g. <c>qingdao/shinan</c>.</param>
/// <param name="Department">A department officer's department.</param>
public sealed record TokenRequest(string Subject, IReadOnlyList<string> Roles, IReadOnlyList<string>? Areas = null, string? Department = null);

/// <summary>Issues tokens signed with the <see cref="DevelopmentSigningKey"/> — for local runs and tests only.</summary>
public static class DevelopmentTokens
{
    /// <summary>A signed JWT for <paramref name="request"/>, valid from <paramref name="now"/> for <paramref name="lifetime"/>.</summary>
    public static string Issue(SecurityKey key, TokenRequest request, DateTimeOffset now, TimeSpan lifetime, string audience = DevelopmentSigningKey.DefaultAudience)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(request);
        var unknown = request.Roles.Where(r => !ReliefRoles.All.Contains(r)).ToArray();
        if (unknown.Length > 0) throw new ArgumentException($"Unknown role(s) {string.Join(", ", unknown)}; roles are {string.Join(", ", ReliefRoles.All)}.", nameof(request));
        var claims = new List<Claim> { new(ReliefClaims.Subject, request.Subject) };
        claims.AddRange(request.Roles.Select(r => new Claim(ReliefClaims.Roles, r)));
        claims.AddRange((request.Areas ?? []).Select(a => new Claim(ReliefClaims.Area, a)));
        if (request.Department is { Length: > 0 } department) claims.Add(new Claim(ReliefClaims.Department, department));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = DevelopmentSigningKey.Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
