using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Relief.Functions.Identity;

namespace Relief.Functions.Tests.Identity;

/// <summary>Every HTTP function has its row in the access table (or is one of the two anonymous ones); no row names a function that does not exist.</summary>
public sealed class AccessTableTests
{
    private static readonly string[] HttpFunctions = typeof(AccessTable).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods())
        .Where(m => m.GetParameters().Any(p => p.GetCustomAttribute<HttpTriggerAttribute>() is not null))
        .Select(m => m.GetCustomAttribute<FunctionAttribute>()!.Name)
        .ToArray();

    [Fact]
    public void EveryHttpFunction_HasARowOrIsAnonymous()
    {
        Assert.True(HttpFunctions.Length >= 30);
        var missing = HttpFunctions.Where(f => !AccessTable.Rows.ContainsKey(f) && !AccessTable.Anonymous.Contains(f)).ToArray();
        Assert.Empty(missing);
        Assert.Equal(new[] { "Health", "OpenApi" }, AccessTable.Anonymous.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryRow_NamesAnHttpFunction_AndOnlyKnownRoles()
    {
        Assert.Empty(AccessTable.Rows.Keys.Except(HttpFunctions));
        Assert.All(AccessTable.Rows.Values, roles => Assert.All(roles, r => Assert.Contains(r, Relief.Identity.ReliefRoles.All)));
    }

    [Fact]
    public void ActingRole_FirstAllowedRoleTheTokenHolds()
    {
        Assert.Equal("applicant", AccessTable.ActingRole("SubmitApplication", ["auditor", "caseworker", "applicant"]));
        Assert.Equal("caseworker", AccessTable.ActingRole("SubmitApplication", ["auditor", "caseworker"]));
        Assert.Null(AccessTable.ActingRole("ApproveApplication", ["caseworker", "investigator"]));
        Assert.Null(AccessTable.ActingRole("NoSuchFunction", ["administrator"]));
    }
}
