using System.Globalization;
using System.Text.Json;
using Matcher.Geography;

namespace Matcher.Serialization;

/// <summary>
/// Strict reading of a JSON document into domain types: every problem is collected with its path instead of stopping
/// at the first, unknown and duplicate properties are errors, and <c>null</c> is read as "absent".
/// </summary>
internal sealed class JsonInput
{
    private readonly List<InputError> _errors = [];

    public JsonInput(string? source = null, int? line = null)
    {
        Source = source;
        Line = line;
    }

    public string? Source { get; }

    public int? Line { get; }

    public IReadOnlyList<InputError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public static string Child(string path, string name) => path + "." + name;

    public static string Item(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    public void Error(string path, string code, params (string Name, object? Value)[] values) =>
        _errors.Add(new InputError(path, code, values.ToDictionary(v => v.Name, v => v.Value)) { Source = Source, Line = Line });

    public void AddRange(IEnumerable<InputError> errors) => _errors.AddRange(errors);

    /// <summary>Checks that <paramref name="element"/> is an object with only the given properties, each once.</summary>
    public bool Object(JsonElement element, string path, IReadOnlyCollection<string> known)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Error(path, "input.expected-type", ("expected", "object"), ("actual", Kind(element)));
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in element.EnumerateObject())
        {
            if (!seen.Add(p.Name))
            {
                Error(Child(path, p.Name), "input.duplicate-field", ("field", p.Name));
            }
            else if (!known.Contains(p.Name))
            {
                Error(Child(path, p.Name), "input.unknown-field", ("field", p.Name), ("allowed", string.Join(", ", known)));
            }
        }

        return true;
    }

    /// <summary>The property's value when present and not null.</summary>
    public static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    public JsonElement? Required(JsonElement obj, string name, string path)
    {
        if (TryGet(obj, name, out var value))
        {
            return value;
        }

        Error(Child(path, name), "input.required", ("field", name));
        return null;
    }

    public string? String(JsonElement obj, string name, string path, bool required = false)
    {
        var p = Child(path, name);
        if (!TryGet(obj, name, out var v))
        {
            if (required)
            {
                Error(p, "input.required", ("field", name));
            }

            return null;
        }

        return StringValue(v, p);
    }

    public string? StringValue(JsonElement v, string path)
    {
        if (v.ValueKind != JsonValueKind.String)
        {
            Error(path, "input.expected-type", ("expected", "string"), ("actual", Kind(v)));
            return null;
        }

        var s = v.GetString()!;
        if (string.IsNullOrWhiteSpace(s))
        {
            Error(path, "input.empty-string");
            return null;
        }

        return s;
    }

    public T? Enum<T>(JsonElement obj, string name, string path, bool required = false)
        where T : struct, Enum
    {
        var p = Child(path, name);
        if (!TryGet(obj, name, out var v))
        {
            if (required)
            {
                Error(p, "input.required", ("field", name));
            }

            return null;
        }

        return EnumValue<T>(v, p);
    }

    public T? EnumValue<T>(JsonElement v, string path)
        where T : struct, Enum
    {
        if (v.ValueKind != JsonValueKind.String)
        {
            Error(path, "input.expected-type", ("expected", "string"), ("actual", Kind(v)));
            return null;
        }

        if (EnumText.TryParse<T>(v.GetString(), out var value))
        {
            return value;
        }

        Error(path, "input.invalid-enum", ("value", v.GetString()), ("allowed", string.Join(", ", EnumText.All<T>())));
        return null;
    }

    public DateOnly? Date(JsonElement obj, string name, string path)
    {
        var p = Child(path, name);
        if (!TryGet(obj, name, out var v))
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            Error(p, "input.expected-type", ("expected", "string"), ("actual", Kind(v)));
            return null;
        }

        var s = v.GetString();
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            && d.Year is >= 1900 and <= 2200)
        {
            return d;
        }

        Error(p, "input.invalid-date", ("value", s));
        return null;
    }

    public decimal? Decimal(JsonElement obj, string name, string path, decimal min, decimal max, bool required = false)
    {
        var p = Child(path, name);
        if (!TryGet(obj, name, out var v))
        {
            if (required)
            {
                Error(p, "input.required", ("field", name));
            }

            return null;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDecimal(out var d))
        {
            Error(p, "input.expected-type", ("expected", "number"), ("actual", Kind(v)));
            return null;
        }

        if (d < min || d > max)
        {
            Error(p, "input.out-of-range", ("value", d), ("min", min), ("max", max));
            return null;
        }

        return d;
    }

    public int? Int(JsonElement obj, string name, string path, int min, int max, bool required = false)
    {
        var p = Child(path, name);
        if (!TryGet(obj, name, out var v))
        {
            if (required)
            {
                Error(p, "input.required", ("field", name));
            }

            return null;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDecimal(out var d) || d != decimal.Truncate(d))
        {
            Error(p, "input.expected-type", ("expected", "integer"), ("actual", Kind(v)));
            return null;
        }

        if (d < min || d > max)
        {
            Error(p, "input.out-of-range", ("value", d), ("min", min), ("max", max));
            return null;
        }

        return (int)d;
    }

    public bool? Bool(JsonElement obj, string name, string path)
    {
        var p = Child(path, name);
        if (!TryGet(obj, name, out var v))
        {
            return null;
        }

        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetBoolean();
        }

        Error(p, "input.expected-type", ("expected", "boolean"), ("actual", Kind(v)));
        return null;
    }

    public List<T>? Array<T>(JsonElement obj, string name, string path, Func<JsonElement, string, T?> item, bool required = false, bool nonEmpty = false)
    {
        var p = Child(path, name);
        if (!TryGet(obj, name, out var v))
        {
            if (required)
            {
                Error(p, "input.required", ("field", name));
            }

            return null;
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            Error(p, "input.expected-type", ("expected", "array"), ("actual", Kind(v)));
            return null;
        }

        if (nonEmpty && v.GetArrayLength() == 0)
        {
            Error(p, "input.empty-array");
            return null;
        }

        var list = new List<T>(v.GetArrayLength());
        var i = 0;
        foreach (var e in v.EnumerateArray())
        {
            var x = item(e, Item(p, i++));
            if (x is not null)
            {
                list.Add(x);
            }
        }

        return list;
    }

    public List<T>? EnumArray<T>(JsonElement obj, string name, string path, bool required = false, bool nonEmpty = true)
        where T : struct, Enum
    {
        var list = Array<object>(obj, name, path, (e, p) => EnumValue<T>(e, p), required, nonEmpty);
        if (list is null)
        {
            return null;
        }

        var values = list.Cast<T>().ToList();
        if (values.Distinct().Count() != values.Count)
        {
            Error(Child(path, name), "input.duplicate-values");
        }

        return values;
    }

    public List<string>? StringArray(JsonElement obj, string name, string path, bool required = false, bool nonEmpty = false) =>
        Array(obj, name, path, StringValue, required, nonEmpty);

    public Ubigeo? UbigeoValue(JsonElement obj, string name, string path, UbigeoDirectory directory)
    {
        var s = String(obj, name, path);
        if (s is null)
        {
            return null;
        }

        var p = Child(path, name);
        if (!Ubigeo.TryParse(s, out var u))
        {
            Error(p, "input.invalid-ubigeo", ("value", s));
            return null;
        }

        if (!directory.Contains(u))
        {
            Error(p, "input.unknown-ubigeo", ("value", s));
            return null;
        }

        return u;
    }

    public static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "undefined",
    };

    /// <summary>Parses text into a document, turning a syntax error into an <see cref="InputError"/> with its line.</summary>
    public static JsonDocument? Parse(ReadOnlyMemory<byte> utf8, JsonInput input)
    {
        try
        {
            var doc = JsonDocument.Parse(utf8, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 });
            if (UnreadableText(doc.RootElement, "$") is { } path)
            {
                // The reader accepts strings that cannot become .NET text (bytes that are not UTF-8, an escaped lone
                // surrogate such as "\ud800"); name the first one instead of failing later on the field that reads it.
                doc.Dispose();
                input.Error(path, "input.invalid-text");
                return null;
            }

            return doc;
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? (int)l + 1 : (int?)null;
            var column = ex.BytePositionInLine is { } c ? (int)c + 1 : (int?)null;
            input._errors.Add(new InputError("$", "input.invalid-json", new Dictionary<string, object?>
            {
                ["line"] = line,
                ["column"] = column,
            }) { Source = input.Source, Line = input.Line ?? line });
            return null;
        }
    }

    /// <summary>The path of the first property name or string that is not valid text, or <see langword="null"/>.</summary>
    internal static string? UnreadableText(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = p.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return path;
                    }

                    if (UnreadableText(p.Value, Child(path, name)) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (UnreadableText(item, Item(path, i++)) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.String:
                try
                {
                    _ = element.GetString();
                    return null;
                }
                catch (InvalidOperationException)
                {
                    return path;
                }

            default:
                return null;
        }
    }
}
