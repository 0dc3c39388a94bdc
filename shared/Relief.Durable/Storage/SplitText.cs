using Azure.Data.Tables;

namespace Relief.Durable.Storage;

/// <summary>
/// Long text over several string properties of one entity (<c>{name}0</c>, <c>{name}1</c>, …): a table property
/// holds at most 64 KiB (32 K UTF-16 characters), an entity 1 MiB.
/// </summary>
public static class SplitText
{
    /// <summary>Characters per property.</summary>
    public const int ChunkLength = 30_000;

    /// <summary>Most characters an entity carries this way (leaves room for the other properties).</summary>
    public const int MaxLength = 14 * ChunkLength;

    /// <summary>Writes <paramref name="text"/> into the entity (meant for whole-entity writes: insert or replace).</summary>
    public static void Write(TableEntity entity, string name, string text)
    {
        if (text.Length > MaxLength) throw new InvalidOperationException($"{name} is {text.Length} characters; at most {MaxLength} fit in one row.");
        var chunks = (text.Length + ChunkLength - 1) / ChunkLength;
        for (var i = 0; i < chunks; i++)
        {
            entity[name + i] = text.Substring(i * ChunkLength, Math.Min(ChunkLength, text.Length - i * ChunkLength));
        }

        entity[name + "Chunks"] = chunks;
    }

    /// <summary>Reads the text written by <see cref="Write"/>; null when the entity has none.</summary>
    public static string? Read(TableEntity entity, string name)
    {
        if (entity.GetInt32(name + "Chunks") is not int chunks) return null;
        if (chunks == 1) return entity.GetString(name + "0");
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < chunks; i++) text.Append(entity.GetString(name + i));
        return text.ToString();
    }

    /// <summary>How many chunks the entity holds.</summary>
    public static int Chunks(TableEntity entity, string name) => entity.GetInt32(name + "Chunks") ?? 0;
}
