using Relief.FunctionsHost.Http;
using Relief.FunctionsHost.Metadata;

namespace Relief.FunctionsHost.Tests.Http;

public sealed class HttpRouteTests
{
    [Fact]
    public void For_RouteDefaultsToFunctionNameUnderPrefix()
    {
        var routes = HttpRoute.For(Index(Http("Health", null, "get")), "api");

        Assert.Equal("api/Health", Assert.Single(routes).Template);
    }

    [Fact]
    public void For_SameShapeDifferentParameterNamesSameMethod_ClashNamesBoth()
    {
        var error = Assert.Throws<FunctionIndexException>(() => HttpRoute.For(Index(Http("A", "cases/{id}", "get"), Http("B", "cases/{caseId}", "get", "post")), "api"));

        Assert.Equal("B", error.FunctionName);
        Assert.Contains("'A'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_SameRouteDifferentMethods_NoClash()
    {
        var routes = HttpRoute.For(Index(Http("Read", "cases/{id}", "get"), Http("Update", "cases/{id}", "put")), "");

        Assert.Equal(2, routes.Count);
        Assert.Equal("cases/{id}", routes[0].Template);
    }

    [Fact]
    public void For_LiteralBesideParameter_NoClash()
    {
        var routes = HttpRoute.For(Index(Http("Mine", "cases/mine", "get"), Http("One", "cases/{id}", "get")), "api");

        Assert.Equal(2, routes.Count);
    }

    [Fact]
    public void For_InvalidTemplate_FailsNamingTheFunction()
    {
        var error = Assert.Throws<FunctionIndexException>(() => HttpRoute.For(Index(Http("Bad", "cases/{id", "get")), "api"));

        Assert.Equal("Bad", error.FunctionName);
    }

    private static FunctionIndex Index(params FunctionDescriptor[] functions) => new(functions);

    private static FunctionDescriptor Http(string name, string? route, params string[] methods)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["name"] = "req", ["direction"] = "In", ["type"] = "httpTrigger", ["methods"] = methods, ["route"] = route,
        });
        return new FunctionDescriptor(name, name, [BindingDescriptor.Parse(name, json)]);
    }
}
