using System.Globalization;
using System.Text.Json;

namespace Relief.Domain.Policies.Loading;

/// <summary>Reads typed values out of a policy JSON document, recording an error (file + JSON path) for each problem.</summary>
internal sealed class PolicyJsonReader
{
    private readonly string _file;
    private readonly List<PolicyLoadError> _errors;

    public PolicyJsonReader(string file, List<PolicyLoadError> errors)
    {
        _file = file;
        _errors = errors;
    }

    public void Error(string parameter, string message) => _errors.Add(new PolicyLoadError(_file, parameter, message));

    public JsonElement? Object(JsonElement parent, string path, string name, bool required = true)
    {
        string at = Join(path, name);
        if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Error(at, "is missing.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Error(at, "must be an object.");
            return null;
        }

        return value;
    }

    public IReadOnlyList<(JsonElement Item, string Path)> Array(JsonElement parent, string path, string name, bool required = true)
    {
        string at = Join(path, name);
        if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Error(at, "is missing.");
            }

            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Error(at, "must be an array.");
            return [];
        }

        return value.EnumerateArray().Select((e, i) => (e, string.Create(CultureInfo.InvariantCulture, $"{at}[{i}]"))).ToArray();
    }

    public bool Has(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null;

    public decimal? Decimal(JsonElement parent, string path, string name, decimal min, decimal max, bool minExclusive = false)
    {
        string at = Join(path, name);
        if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            Error(at, "is missing.");
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out decimal number))
        {
            Error(at, "must be a number.");
            return null;
        }

        if (number < min || number > max || (minExclusive && number == min))
        {
            Error(at, string.Create(CultureInfo.InvariantCulture, $"is {number}, must be {(minExclusive ? "above" : "at least")} {min} and at most {max}."));
            return null;
        }

        return number;
    }

    public int? Int(JsonElement parent, string path, string name, int min, int max)
    {
        decimal? value = Decimal(parent, path, name, min, max);
        if (value is null)
        {
            return null;
        }

        if (value.Value != decimal.Truncate(value.Value))
        {
            Error(Join(path, name), "must be a whole number.");
            return null;
        }

        return (int)value.Value;
    }

    public bool? Bool(JsonElement parent, string path, string name)
    {
        string at = Join(path, name);
        if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            Error(at, "is missing.");
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Error(at, "must be true or false.");
            return null;
        }

        return value.GetBoolean();
    }

    public string? String(JsonElement parent, string path, string name)
    {
        string at = Join(path, name);
        if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            Error(at, "is missing.");
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            Error(at, "must be a non-empty string.");
            return null;
        }

        return value.GetString();
    }

    public DateOnly? Date(JsonElement parent, string path, string name)
    {
        string? text = String(parent, path, name);
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
        {
            Error(Join(path, name), $"'{text}' is not a date in yyyy-MM-dd form.");
            return null;
        }

        return date;
    }

    public TEnum? Enum<TEnum>(JsonElement parent, string path, string name)
        where TEnum : struct, Enum
    {
        string? text = String(parent, path, name);
        if (text is null)
        {
            return null;
        }

        return ParseEnum<TEnum>(text, Join(path, name));
    }

    public TEnum? ParseEnum<TEnum>(string text, string at)
        where TEnum : struct, Enum
    {
        if (!System.Enum.TryParse(text, ignoreCase: true, out TEnum result) || !System.Enum.IsDefined(result) || char.IsAsciiDigit(text[0]))
        {
            Error(at, $"'{text}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
            return null;
        }

        return result;
    }

    public static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;
}
