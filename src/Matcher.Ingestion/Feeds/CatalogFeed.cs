using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;

namespace Matcher.Ingestion.Feeds;

/// <summary>
/// Reads a provider's feed (docs/ingestion.md): a JSON array of objects, or CSV with a header, with the fields
/// <c>id, name, url, deadline, vacancies, requirementsText</c>. Strict: an unknown field, a bad value, a duplicate id or
/// a row without an id is an error naming its line and field, and a feed with any error is refused as a whole.
/// </summary>
public static partial class CatalogFeed
{
    /// <summary>The fields of a feed row, in the CSV order.</summary>
    public static IReadOnlyList<string> Fields { get; } = ["id", "name", "url", "deadline", "vacancies", "requirementsText"];

    /// <summary>Reads a feed, telling JSON from CSV by the media type or, failing that, by the first character.</summary>
    /// <param name="content">The feed's text.</param>
    /// <param name="mediaType">The media type it was served with, when known.</param>
    /// <returns>The rows, in order.</returns>
    /// <exception cref="FeedFormatException">The feed has errors; each names its line and field.</exception>
    public static IReadOnlyList<FeedEntry> Read(string content, string? mediaType = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var json = mediaType is not null && mediaType.Contains("json", StringComparison.OrdinalIgnoreCase)
            || (mediaType is null or "text/plain" && content.TrimStart().StartsWith('['));
        return json ? ReadJson(content) : ReadCsv(content);
    }

    /// <summary>Whether a text looks like a feed rather than a page (starts with <c>[</c>, or its first line is a feed header).</summary>
    /// <param name="content">The text.</param>
    /// <returns>Whether to read it as a feed.</returns>
    public static bool LooksLikeFeed(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var trimmed = content.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.StartsWith('['))
        {
            return true;
        }

        var first = trimmed.Split('\n')[0].Trim();
        return first.Split(',').Select(h => h.Trim().Trim('"')).Contains("id", StringComparer.Ordinal);
    }

    private static List<FeedEntry> ReadJson(string content)
    {
        var errors = new List<FeedError>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content, new JsonDocumentOptions { AllowTrailingCommas = false, MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            throw new FeedFormatException([new FeedError(checked((int)(ex.LineNumber ?? 0) + 1), ex.Path ?? "$",
                $"No es JSON válido: {ex.Message}", $"Not valid JSON: {ex.Message}")]);
        }

        var entries = new List<FeedEntry>();
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new FeedFormatException([new FeedError(0, "$", "El feed JSON debe ser un arreglo de objetos.", "A JSON feed must be an array of objects.")]);
            }

            var index = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var line = ++index;
                var path = $"$[{index - 1}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new FeedError(line, path, "Cada elemento debe ser un objeto.", "Each element must be an object."));
                    continue;
                }

                var cells = new Dictionary<string, string?>(StringComparer.Ordinal);
                foreach (var property in item.EnumerateObject())
                {
                    if (!Fields.Contains(property.Name))
                    {
                        errors.Add(new FeedError(line, $"{path}.{property.Name}", $"Campo desconocido; los campos son {string.Join(", ", Fields)}.", $"Unknown field; the fields are {string.Join(", ", Fields)}."));
                        continue;
                    }

                    switch (property.Value.ValueKind)
                    {
                        case JsonValueKind.Null:
                            cells[property.Name] = null;
                            break;
                        case JsonValueKind.String:
                            cells[property.Name] = property.Value.GetString();
                            break;
                        case JsonValueKind.Number when property.Name == "vacancies":
                            cells[property.Name] = property.Value.GetRawText();
                            break;
                        default:
                            errors.Add(new FeedError(line, $"{path}.{property.Name}",
                                property.Name == "vacancies" ? "Debe ser un número entero." : "Debe ser un texto.",
                                property.Name == "vacancies" ? "Must be an integer." : "Must be a string."));
                            break;
                    }
                }

                if (Row(cells, line, f => $"{path}.{f}", errors) is { } entry)
                {
                    entries.Add(entry);
                }
            }
        }

        return Checked(entries, errors, f => f);
    }

    private static List<FeedEntry> ReadCsv(string content)
    {
        var errors = new List<FeedError>();
        var entries = new List<FeedEntry>();
        using var reader = new StringReader(content);
        using var csv = CsvReader.Create(reader, new CsvReaderOptions { HasHeader = true, TrackLineNumbers = true, SkipEmptyLines = true, FieldCountMismatch = CsvFieldCountHandling.Allow });
        csv.ReadHeader();
        if (csv.Headers.Count == 0 || csv.Headers.All(string.IsNullOrWhiteSpace))
        {
            throw new FeedFormatException([new FeedError(1, "$", "El feed CSV está vacío; la primera línea es la cabecera.", "The CSV feed is empty; its first line is the header.")]);
        }

        var header = csv.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        foreach (var name in header.Where(h => !Fields.Contains(h)))
        {
            errors.Add(new FeedError(1, name.Length == 0 ? "$" : name, $"Columna desconocida; las columnas son {string.Join(", ", Fields)}.", $"Unknown column; the columns are {string.Join(", ", Fields)}."));
        }

        foreach (var name in header.GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new FeedError(1, name.Key, "Columna repetida.", "Repeated column."));
        }

        if (!header.Contains("id"))
        {
            errors.Add(new FeedError(1, "id", "Falta la columna id (el id de la convocatoria en el catálogo).", "The id column is missing (the call's catalog id)."));
        }

        if (errors.Count > 0)
        {
            throw new FeedFormatException(errors);
        }

        while (csv.Read())
        {
            var line = checked((int)csv.LineNumber);
            if (csv.FieldCount != header.Length)
            {
                errors.Add(new FeedError(line, "$", $"La fila tiene {csv.FieldCount} columnas; la cabecera tiene {header.Length}.", $"The row has {csv.FieldCount} columns; the header has {header.Length}."));
                continue;
            }

            var cells = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                var value = csv.GetString(i);
                cells[header[i]] = string.IsNullOrWhiteSpace(value) ? null : value;
            }

            if (Row(cells, line, f => f, errors) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return Checked(entries, errors, f => f);
    }

    private static FeedEntry? Row(Dictionary<string, string?> cells, int line, Func<string, string> place, List<FeedError> errors)
    {
        var before = errors.Count;
        var id = cells.GetValueOrDefault("id")?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            errors.Add(new FeedError(line, place("id"), "Falta el id de la convocatoria.", "The call's id is missing."));
        }
        else if (!IdPattern().IsMatch(id))
        {
            errors.Add(new FeedError(line, place("id"), $"'{id}' no es un id válido (minúsculas, dígitos y guiones).", $"'{id}' is not a valid id (lower case, digits and hyphens)."));
        }

        Uri? url = null;
        if (cells.GetValueOrDefault("url")?.Trim() is { Length: > 0 } urlText
            && (!Uri.TryCreate(urlText, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add(new FeedError(line, place("url"), $"'{urlText}' no es una URL http(s) absoluta.", $"'{urlText}' is not an absolute http(s) URL."));
        }

        DateOnly? deadline = null;
        if (cells.GetValueOrDefault("deadline")?.Trim() is { Length: > 0 } dateText)
        {
            if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                deadline = d;
            }
            else
            {
                errors.Add(new FeedError(line, place("deadline"), $"'{dateText}' no es una fecha AAAA-MM-DD.", $"'{dateText}' is not a YYYY-MM-DD date."));
            }
        }

        int? vacancies = null;
        if (cells.GetValueOrDefault("vacancies")?.Trim() is { Length: > 0 } countText)
        {
            if (int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                vacancies = n;
            }
            else
            {
                errors.Add(new FeedError(line, place("vacancies"), $"'{countText}' no es un número entero no negativo.", $"'{countText}' is not a non-negative integer."));
            }
        }

        var name = cells.GetValueOrDefault("name")?.Trim();
        var requirements = cells.GetValueOrDefault("requirementsText")?.Trim();
        if (requirements is { Length: > 100_000 })
        {
            errors.Add(new FeedError(line, place("requirementsText"), "El texto supera 100 000 caracteres.", "The text is longer than 100,000 characters."));
        }

        return errors.Count > before ? null : new FeedEntry(id!, name is { Length: > 0 } ? name : null, url, deadline, vacancies, requirements is { Length: > 0 } ? requirements : null, line);
    }

    private static List<FeedEntry> Checked(List<FeedEntry> entries, List<FeedError> errors, Func<string, string> place)
    {
        foreach (var duplicate in entries.GroupBy(e => e.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            foreach (var entry in duplicate.Skip(1))
            {
                errors.Add(new FeedError(entry.Line, place("id"), $"El id '{entry.Id}' ya apareció en la línea {duplicate.First().Line}.", $"The id '{entry.Id}' already appeared on line {duplicate.First().Line}."));
            }
        }

        if (errors.Count > 0)
        {
            throw new FeedFormatException(errors.OrderBy(e => e.Line).ToArray());
        }

        return entries;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
