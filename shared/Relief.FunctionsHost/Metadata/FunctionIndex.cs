using System.Text.Json;
using Google.Protobuf.Collections;
using Relief.FunctionsHost.Rpc;

namespace Relief.FunctionsHost.Metadata;

/// <summary>Every function of the app, by name (case-insensitive, as the Functions host).</summary>
public sealed class FunctionIndex
{
    private readonly Dictionary<string, FunctionDescriptor> _byName;

    public FunctionIndex(IEnumerable<FunctionDescriptor> functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        All = [.. functions];
        _byName = new Dictionary<string, FunctionDescriptor>(StringComparer.OrdinalIgnoreCase);
        foreach (var function in All)
        {
            if (!_byName.TryAdd(function.Name, function))
            {
                throw new FunctionIndexException(function.Name, "two functions have this name; function names must be unique.");
            }
        }
    }

    /// <summary>All functions, in the worker's order.</summary>
    public IReadOnlyList<FunctionDescriptor> All { get; }

    /// <summary>The function named <paramref name="name"/>, or null.</summary>
    public FunctionDescriptor? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Functions whose trigger is of <paramref name="type"/>.</summary>
    public IEnumerable<FunctionDescriptor> WithTrigger(string type) => All.Where(f => f.Is(type));

    /// <summary>Reads the worker's metadata answer (or, when it asks for it, the <c>functions.metadata</c> file).</summary>
    public static FunctionIndex FromMetadata(FunctionMetadataResponse response, string appFolder)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.UseDefaultMetadataIndexing) return FromFile(Path.Combine(appFolder, "functions.metadata"));
        if (response.Result is { Status: StatusResult.Types.Status.Failure } failed)
        {
            throw new FunctionIndexException("(metadata)", $"the worker could not index its functions: {failed.Exception?.Message ?? failed.Result}");
        }

        return new FunctionIndex(response.FunctionMetadataResults.Select(m =>
        {
            var bindings = m.RawBindings.Select(raw => BindingDescriptor.Parse(m.Name, raw)).ToList();
            return new FunctionDescriptor(string.IsNullOrEmpty(m.FunctionId) ? m.Name : m.FunctionId, m.Name, bindings, m.ScriptFile, m.EntryPoint);
        }));
    }

    /// <summary>Reads a <c>functions.metadata</c> file (the Worker SDK's build output).</summary>
    public static FunctionIndex FromFile(string path)
    {
        if (!File.Exists(path)) throw new FunctionIndexException("functions.metadata", $"the worker asked for file-based indexing but '{path}' does not exist.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return new FunctionIndex(document.RootElement.EnumerateArray().Select(f =>
        {
            var name = f.GetProperty("name").GetString()!;
            var bindings = f.GetProperty("bindings").EnumerateArray().Select(b => BindingDescriptor.Parse(name, b.GetRawText())).ToList();
            string? Text(string key) => f.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return new FunctionDescriptor(name, name, bindings, Text("scriptFile"), Text("entryPoint"));
        }));
    }

    /// <summary>The load request metadata of <paramref name="function"/>: raw bindings plus the parsed binding map the worker reads.</summary>
    internal static RpcFunctionMetadata ToRpc(FunctionDescriptor function, string appFolder)
    {
        var metadata = new RpcFunctionMetadata
        {
            Name = function.Name,
            FunctionId = function.FunctionId,
            Directory = appFolder,
            Language = "dotnet-isolated",
            ScriptFile = function.ScriptFile is { Length: > 0 } file ? Path.Combine(appFolder, file) : "",
            EntryPoint = function.EntryPoint ?? "",
        };
        foreach (var binding in function.Bindings)
        {
            metadata.RawBindings.Add(binding.Json.GetRawText());
            var info = new BindingInfo
            {
                Type = binding.Type,
                Direction = binding.Direction.ToLowerInvariant() switch
                {
                    "out" => BindingInfo.Types.Direction.Out,
                    "inout" => BindingInfo.Types.Direction.Inout,
                    _ => BindingInfo.Types.Direction.In,
                },
                DataType = binding.Property("dataType")?.ToLowerInvariant() switch
                {
                    "string" => BindingInfo.Types.DataType.String,
                    "binary" => BindingInfo.Types.DataType.Binary,
                    "stream" => BindingInfo.Types.DataType.Stream,
                    _ => BindingInfo.Types.DataType.Undefined,
                },
            };
            CopyProperties(binding, info.Properties);
            metadata.Bindings[binding.Name] = info;
        }

        return metadata;
    }

    private static void CopyProperties(BindingDescriptor binding, MapField<string, string> target)
    {
        if (!binding.Json.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object) return;
        foreach (var property in properties.EnumerateObject())
        {
            target[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
        }
    }
}

/// <summary>The app's functions cannot be run as they are; the message names the function.</summary>
public sealed class FunctionIndexException(string functionName, string problem)
    : Exception($"Function '{functionName}': {problem}")
{
    /// <summary>The function (or file) at fault.</summary>
    public string FunctionName { get; } = functionName;
}
