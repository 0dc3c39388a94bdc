using DurableTask.Core;
using DurableTask.Core.History;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Relief.Durable.Serialization;

/// <summary>
/// JSON of the framework's history events and task messages, as this provider stores them. Event types are written
/// by their short name (<c>TaskScheduledEvent</c>), so stored history does not depend on assembly versions; a
/// protobuf string map (the sidecar's tags) is written and read as a plain dictionary.
/// </summary>
public static class DurableJson
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        TypeNameHandling = TypeNameHandling.Auto,
        SerializationBinder = new ShortNameBinder(),
        NullValueHandling = NullValueHandling.Ignore,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
        DateParseHandling = DateParseHandling.None,
    };

    /// <summary>The events as a JSON array.</summary>
    public static string WriteEvents(IEnumerable<HistoryEvent> events) => JsonConvert.SerializeObject(events.ToList(), typeof(List<HistoryEvent>), Settings);

    /// <summary>Events from <see cref="WriteEvents"/>.</summary>
    public static List<HistoryEvent> ReadEvents(string json) =>
        JsonConvert.DeserializeObject<List<HistoryEvent>>(json, Settings) ?? throw new JsonSerializationException("The stored history is empty.");

    /// <summary>A task message as JSON.</summary>
    public static string WriteMessage(TaskMessage message) => JsonConvert.SerializeObject(message, typeof(TaskMessage), Settings);

    /// <summary>A task message from <see cref="WriteMessage"/>.</summary>
    public static TaskMessage ReadMessage(string json) =>
        JsonConvert.DeserializeObject<TaskMessage>(json, Settings) ?? throw new JsonSerializationException("The message is empty.");

    /// <summary>Any value (failure details, tags, parent) as JSON.</summary>
    public static string Write<T>(T value) => JsonConvert.SerializeObject(value, typeof(T), Settings);

    /// <summary>A value from <see cref="Write{T}"/>.</summary>
    public static T? Read<T>(string? json) => string.IsNullOrEmpty(json) ? default : JsonConvert.DeserializeObject<T>(json, Settings);

    private sealed class ShortNameBinder : ISerializationBinder
    {
        private const string MapFieldPrefix = "Google.Protobuf.Collections.MapField`2";
        private static readonly System.Reflection.Assembly Core = typeof(HistoryEvent).Assembly;

        public void BindToName(Type serializedType, out string? assemblyName, out string? typeName)
        {
            assemblyName = null;
            if (serializedType.FullName?.StartsWith(MapFieldPrefix, StringComparison.Ordinal) == true) typeName = "map";
            else if (serializedType.Assembly == Core && serializedType.Namespace == typeof(HistoryEvent).Namespace) typeName = serializedType.Name;
            else if (serializedType.Assembly == Core) typeName = serializedType.FullName;
            else if (serializedType.IsSubclassOf(typeof(HistoryEvent)))
            {
                // A subclass of another assembly (the sidecar's) is stored as the framework's event it extends.
                var baseType = serializedType.BaseType!;
                while (baseType.Assembly != Core) baseType = baseType.BaseType!;
                typeName = baseType.Name;
            }
            else typeName = serializedType.AssemblyQualifiedName;
        }

        public Type BindToType(string? assemblyName, string typeName)
        {
            if (typeName == "map") return typeof(Dictionary<string, string>);
            return Core.GetType(typeof(HistoryEvent).Namespace + "." + typeName)
                ?? Core.GetType(typeName)
                ?? Type.GetType(typeName, throwOnError: false)
                ?? throw new JsonSerializationException($"Unknown type '{typeName}' in stored durable data.");
        }
    }
}
