using System.Net.Http.Headers;
using Relief.Identity;
using static Relief.Identity.ReliefRoles;

namespace Relief.Functions.Tests.Builders;

/// <summary>
/// Tokens of the test run, signed with its own development key (one file per run, given to every app it starts): the
/// people of the role tables. <see cref="Office"/> is the default caller of <see cref="ReliefApp.Client"/>: a township
/// caseworker who also investigates, supervises and administers, in every jurisdiction the tests use — never an approver
/// (approvals go through <see cref="Approver"/>, a different person: separation of duties).
/// </summary>
public static class TestTokens
{
    /// <summary>The jurisdictions of the shipped policies and the rehearsal.</summary>
    public static readonly string[] AllAreas = ["qingdao", "rehearsal", "liyang", "quanzhou-taishang", "shijiazhuang-qiaoxi"];

    public static readonly TokenRequest Office = new("0042", [Caseworker, Investigator, Supervisor, Auditor, Administrator], AllAreas);

    public static readonly TokenRequest Approver = new("0101", [ReliefRoles.Approver], AllAreas);

    /// <summary>The key file of this test run (created on first use).</summary>
    public static readonly string KeyFile = Path.Combine(Directory.CreateTempSubdirectory("relief-signin-").FullName, "dev-signing-key");

    private static readonly Lazy<Microsoft.IdentityModel.Tokens.SecurityKey> Key = new(() => DevelopmentSigningKey.LoadOrCreate(KeyFile));

    /// <summary>A token for <paramref name="request"/>, valid for two hours.</summary>
    public static string Issue(TokenRequest request) => DevelopmentTokens.Issue(Key.Value, request, DateTimeOffset.UtcNow, TimeSpan.FromHours(2));

    /// <summary>A token for one role in some areas.</summary>
    public static TokenRequest Person(string subject, string role, params string[] areas) => new(subject, [role], areas);

    /// <summary>The bearer header of <paramref name="request"/>.</summary>
    public static AuthenticationHeaderValue Bearer(TokenRequest request) => new("Bearer", Issue(request));
}
