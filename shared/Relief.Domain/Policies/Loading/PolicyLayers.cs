using System.Text.Json;
using System.Text.Json.Nodes;

namespace Relief.Domain.Policies.Loading;

/// <summary>
/// Builds the figures in force from the versions of a policy file, each version stating only what changes
/// (every figure keeps its own effective date: seed 001 raised Qingdao's temporary-assistance cap from
/// 2020-01-01, three months before its dibao standards). Versions apply in date order as JSON merge patches
/// (RFC 7386): objects merge member by member, <c>null</c> removes a member, anything else (numbers, strings,
/// arrays) replaces. The date each figure was last set is kept, so a decision can name the version of every
/// figure it used.
/// </summary>
internal sealed class PolicyLayers
{
    private readonly JsonObject _state = [];
    private readonly Dictionary<string, DateOnly> _since = new(StringComparer.Ordinal);

    /// <summary>Applies one version's own members (everything but <c>effectiveFrom</c>).</summary>
    public void Apply(JsonElement version, DateOnly effectiveFrom)
    {
        JsonObject patch = JsonNode.Parse(version.GetRawText())!.AsObject();
        patch.Remove("effectiveFrom");
        Merge(_state, patch, string.Empty, effectiveFrom);
    }

    /// <summary>The merged figures in force, as a JSON element carrying <paramref name="effectiveFrom"/>.</summary>
    public JsonElement Snapshot(DateOnly effectiveFrom)
    {
        JsonObject copy = _state.DeepClone().AsObject();
        copy["effectiveFrom"] = effectiveFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return JsonSerializer.SerializeToElement(copy);
    }

    /// <summary>True when the merged figures hold <paramref name="member"/> at the top level.</summary>
    public bool Has(string member) => _state[member] is not null;

    /// <summary>The date each figure (a dotted path, e.g. <c>temporary.yearlyCapPerHousehold</c>) was last set.</summary>
    public IReadOnlyDictionary<string, DateOnly> Since => new Dictionary<string, DateOnly>(_since, StringComparer.Ordinal);

    private void Merge(JsonObject target, JsonObject patch, string prefix, DateOnly date)
    {
        foreach ((string name, JsonNode? value) in patch.ToArray())
        {
            string path = prefix.Length == 0 ? name : prefix + "." + name;
            if (value is null)
            {
                target.Remove(name);
                Forget(path);
            }
            else if (value is JsonObject patchObject && target[name] is JsonObject targetObject)
            {
                Merge(targetObject, patchObject, path, date);
            }
            else
            {
                Forget(path);
                target[name] = value.DeepClone();
                Record(value, path, date);
            }
        }
    }

    private void Record(JsonNode value, string path, DateOnly date)
    {
        if (value is JsonObject obj && obj.Count > 0)
        {
            foreach ((string name, JsonNode? child) in obj)
            {
                if (child is not null) Record(child, path + "." + name, date);
            }
        }
        else
        {
            _since[path] = date;
        }
    }

    private void Forget(string path)
    {
        foreach (string key in _since.Keys.Where(k => k == path || k.StartsWith(path + ".", StringComparison.Ordinal)).ToArray())
        {
            _since.Remove(key);
        }
    }
}
