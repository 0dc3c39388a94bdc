using DurableTask.AzureStorage;

namespace Relief.FunctionsHost.Durable;

/// <summary>
/// Names the types in the Azure Storage provider's queue messages. The sidecar (InProcessTestHost
/// 0.2.3-preview.1) hands sub-orchestration tags over as a protobuf <c>MapField</c>; the provider writes that
/// type name into the message and then cannot load it back, so the parent's message fails forever. Here such
/// a map is written, and read, as a plain <c>Dictionary&lt;string, string&gt;</c>; every other type is named and
/// loaded as the provider does by default.
/// </summary>
internal sealed class ProtobufMapTypeBinder : ICustomTypeBinder
{
    private const string MapFieldPrefix = "Google.Protobuf.Collections.MapField`2";

    public void BindToName(Type serializedType, out string assemblyName, out string typeName)
    {
        ArgumentNullException.ThrowIfNull(serializedType);
        assemblyName = null!;
        typeName = IsStringMap(serializedType) ? typeof(Dictionary<string, string>).FullName! : serializedType.FullName!;
    }

    public Type BindToType(string assemblyName, string typeName)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        return typeName.StartsWith(MapFieldPrefix, StringComparison.Ordinal)
            ? typeof(Dictionary<string, string>)
            : Type.GetType(typeName, throwOnError: true)!;
    }

    private static bool IsStringMap(Type type) =>
        type.FullName?.StartsWith(MapFieldPrefix, StringComparison.Ordinal) == true &&
        typeof(IDictionary<string, string>).IsAssignableFrom(type);
}
