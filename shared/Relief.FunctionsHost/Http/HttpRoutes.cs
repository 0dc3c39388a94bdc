using Microsoft.AspNetCore.Routing.Patterns;
using Relief.FunctionsHost.Metadata;

namespace Relief.FunctionsHost.Http;

/// <summary>An HTTP function's route as the Functions host serves it: <c>/{routePrefix}/{route}</c>
/// (route default: the function name), with its methods (none listed: every method).</summary>
internal sealed record HttpRoute(FunctionDescriptor Function, string Template, RoutePattern Pattern, IReadOnlyList<string> Methods)
{
    /// <summary>The routes of every HTTP function; a route that does not parse, or two functions answering
    /// the same route and method, fail naming the functions.</summary>
    public static IReadOnlyList<HttpRoute> For(FunctionIndex index, string routePrefix)
    {
        var routes = new List<HttpRoute>();
        foreach (var function in index.WithTrigger(BindingTypes.HttpTrigger))
        {
            var route = (function.Trigger.Property("route") ?? function.Name).Trim('/');
            var template = string.IsNullOrEmpty(routePrefix) ? route : $"{routePrefix.Trim('/')}/{route}";
            RoutePattern pattern;
            try
            {
                pattern = RoutePatternFactory.Parse("/" + template);
            }
            catch (RoutePatternException ex)
            {
                throw new FunctionIndexException(function.Name, $"its route '{route}' is not a valid route template ({ex.Message}).");
            }

            var methods = function.Trigger.Strings("methods").Select(m => m.ToUpperInvariant()).ToArray();
            var candidate = new HttpRoute(function, template, pattern, methods);
            var clash = routes.FirstOrDefault(r => r.Shape == candidate.Shape && r.SharesMethodWith(candidate));
            if (clash is not null)
            {
                throw new FunctionIndexException(function.Name,
                    $"its route '{template}' clashes with function '{clash.Function.Name}' ('{clash.Template}') for the same method(s); routes must differ.");
            }

            routes.Add(candidate);
        }

        return routes;
    }

    /// <summary>The route with parameter names and constraints left out: two routes of one shape match the same paths.</summary>
    private string Shape => string.Join('/', Pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
    {
        RoutePatternLiteralPart literal => literal.Content.ToUpperInvariant(),
        RoutePatternParameterPart parameter => parameter.IsCatchAll ? "{**}" : "{}",
        _ => "",
    }))));

    private bool SharesMethodWith(HttpRoute other) =>
        Methods.Count == 0 || other.Methods.Count == 0 || Methods.Intersect(other.Methods, StringComparer.OrdinalIgnoreCase).Any();
}
