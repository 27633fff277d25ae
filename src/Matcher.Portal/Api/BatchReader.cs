using System.Text.Json;
using Matcher.Serialization;
using Matcher.Students;

namespace Matcher.Portal.Api;

/// <summary>Reads a batch body: a JSON array of profiles, or JSON Lines. Errors name the element (<c>$[3].gradeAverage</c>) or the line.</summary>
internal static class BatchReader
{
    /// <summary>The profiles, or every error; <c>Lines</c> says whether the body was JSON Lines.</summary>
    public static (IReadOnlyList<StudentProfile> Profiles, IReadOnlyList<InputError> Errors, bool Lines) Read(byte[] body, int maxItems)
    {
        var span = body.AsSpan();
        var start = 0;
        while (start < span.Length && (span[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' || (start == 0 && span.StartsWith("\uFEFF"u8))))
        {
            start += span.StartsWith("\uFEFF"u8) && start == 0 ? 3 : 1;
        }

        if (start < span.Length && span[start] == (byte)'[')
        {
            var (profiles, errors) = ReadArray(body, maxItems);
            return (profiles, errors, false);
        }

        var (fromLines, lineErrors) = ReadLines(body, maxItems);
        return (fromLines, lineErrors, true);
    }

    private static (IReadOnlyList<StudentProfile>, IReadOnlyList<InputError>) ReadArray(byte[] body, int maxItems)
    {
        var profiles = new List<(StudentProfile Profile, int Index)>();
        var errors = new List<InputError>();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            return ([], [Error("$", "input.invalid-json", ex.LineNumber + 1, ("line", ex.LineNumber + 1), ("column", ex.BytePositionInLine + 1))]);
        }

        using (doc)
        {
            var length = doc.RootElement.GetArrayLength();
            if (length > maxItems)
            {
                return ([], [Error("$", "input.out-of-range", null, ("value", length), ("min", 1), ("max", maxItems))]);
            }

            var i = 0;
            foreach (var element in doc.RootElement.EnumerateArray())
            {
                if (StudentProfileJson.TryRead(element, out var profile, out var rowErrors))
                {
                    profiles.Add((profile, i));
                }
                else
                {
                    errors.AddRange(rowErrors.Select(e => e with { Path = $"$[{i}]" + e.Path.TrimStart('$') }));
                }

                i++;
            }
        }

        AddDuplicates(profiles, errors);
        return (profiles.Select(p => p.Profile).ToList(), errors);
    }

    private static (IReadOnlyList<StudentProfile>, IReadOnlyList<InputError>) ReadLines(byte[] body, int maxItems)
    {
        var profiles = new List<StudentProfile>();
        var errors = new List<InputError>();
        var memory = body.AsMemory();
        var lineNumber = 0;
        var count = 0;
        while (!memory.IsEmpty)
        {
            lineNumber++;
            var end = memory.Span.IndexOf((byte)'\n');
            var line = end < 0 ? memory : memory[..end];
            memory = end < 0 ? Memory<byte>.Empty : memory[(end + 1)..];
            if (line.Span.Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }

            if (++count > maxItems)
            {
                return ([], [Error("$", "input.out-of-range", lineNumber, ("value", count), ("min", 1), ("max", maxItems))]);
            }

            if (StudentProfileJson.TryParse(line, out var profile, out var rowErrors, line: lineNumber))
            {
                profiles.Add(profile);
            }
            else
            {
                errors.AddRange(rowErrors);
            }
        }

        return (profiles, errors);
    }

    /// <summary>CONTRACT §1: ids are unique within a batch.</summary>
    private static void AddDuplicates(List<(StudentProfile Profile, int Index)> profiles, List<InputError> errors)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (profile, index) in profiles)
        {
            if (!seen.TryAdd(profile.Id, index))
            {
                errors.Add(Error($"$[{index}].id", "input.duplicate-student-id", null, ("value", profile.Id), ("other", seen[profile.Id])));
            }
        }
    }

    private static InputError Error(string path, string code, long? line, params (string Key, object? Value)[] values) =>
        new(path, code, values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal)) { Line = line is null ? null : (int)line };
}
