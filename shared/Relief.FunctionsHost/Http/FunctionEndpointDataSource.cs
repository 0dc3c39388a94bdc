using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace Relief.FunctionsHost.Http;

/// <summary>The HTTP functions' endpoints, known only once the worker has indexed its functions; set once.</summary>
internal sealed class FunctionEndpointDataSource : EndpointDataSource
{
    private IReadOnlyList<Endpoint> _endpoints = [];
    private CancellationTokenSource _changed = new();

    public override IReadOnlyList<Endpoint> Endpoints => _endpoints;

    public override IChangeToken GetChangeToken() => new CancellationChangeToken(_changed.Token);

    public void Set(IEnumerable<HttpRoute> routes, RequestDelegate handler)
    {
        var order = 0;
        _endpoints = [.. routes.Select(route =>
        {
            var builder = new RouteEndpointBuilder(handler, route.Pattern, order++) { DisplayName = route.Function.Name };
            builder.Metadata.Add(route);
            if (route.Methods.Count > 0) builder.Metadata.Add(new HttpMethodMetadata(route.Methods));
            return builder.Build();
        })];
        var previous = _changed;
        _changed = new CancellationTokenSource();
        previous.Cancel();
        previous.Dispose();
    }
}
