using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Matcher.Geography;
using Matcher.Matching;

namespace Matcher.Serialization;

/// <summary>Writes <see cref="MatchReport"/> in the JSON form of CONTRACT §2.</summary>
public static class MatchReportJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one report as JSON text.</summary>
    /// <param name="report">The report.</param>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>The JSON.</returns>
    public static string Serialize(MatchReport report, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, Options with { Indented = indented }))
        {
            Write(writer, report);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes one report as UTF-8 JSON followed by a newline: one line of a JSON Lines file.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The bytes.</returns>
    public static byte[] SerializeLine(MatchReport report)
    {
        var buffer = new ArrayBufferWriter<byte>(8192);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            Write(writer, report);
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Creates a writer with the settings reports are written with (UTF-8, no escaping of accented letters).</summary>
    /// <param name="stream">The output.</param>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>The writer.</returns>
    public static Utf8JsonWriter CreateWriter(Stream stream, bool indented = false) => new(stream, Options with { Indented = indented });

    /// <summary>Writes one report.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="report">The report.</param>
    public static void Write(Utf8JsonWriter writer, MatchReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        writer.WriteString("studentId", report.StudentId);
        writer.WriteString("asOf", Iso(report.AsOf));
        writer.WriteString("catalogVersion", report.CatalogVersion);
        writer.WriteString("language", report.Language);
        writer.WriteStartArray("matches");
        foreach (var m in report.Matches)
        {
            WriteMatch(writer, m);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes one scholarship match.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="match">The match.</param>
    public static void WriteMatch(Utf8JsonWriter writer, ScholarshipMatch match)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(match);
        writer.WriteStartObject();
        writer.WriteString("scholarshipId", match.ScholarshipId);
        writer.WriteString("name", match.Name);
        writer.WriteString("provider", match.Provider);
        writer.WriteString("verdict", EnumText.Of(match.Verdict));
        if (match.Rank is { } rank)
        {
            writer.WriteNumber("rank", rank);
        }
        else
        {
            writer.WriteNull("rank");
        }

        writer.WriteNumber("score", match.Score);
        writer.WriteStartObject("scoreBreakdown");
        foreach (var (name, value) in match.ScoreBreakdown)
        {
            writer.WriteNumber(name, value);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("call");
        writer.WriteString("status", EnumText.Of(match.Call.Status));
        WriteDate(writer, "opens", match.Call.Opens);
        WriteDate(writer, "closes", match.Call.Closes);
        writer.WriteEndObject();
        writer.WriteStartArray("reasons");
        foreach (var reason in match.Reasons)
        {
            WriteReason(writer, reason);
        }

        writer.WriteEndArray();
        WriteStrings(writer, "missing", match.Missing);
        WriteStrings(writer, "nextSteps", match.NextSteps);
        if (match.PriorityPoints is { } p)
        {
            writer.WriteStartObject("priorityPoints");
            writer.WriteNumber("earned", p.Earned);
            writer.WriteNumber("potential", p.Potential);
            writer.WriteNumber("max", p.Max);
            writer.WriteBoolean("thirdPartyReconstruction", p.ThirdPartyReconstruction);
            writer.WriteEndObject();
        }

        writer.WriteString("sourceUrl", match.SourceUrl);
        writer.WriteEndObject();
    }

    private static void WriteReason(Utf8JsonWriter writer, MatchReason reason)
    {
        writer.WriteStartObject();
        writer.WriteString("criterion", reason.Criterion);
        writer.WriteString("verdict", EnumText.Of(reason.Verdict));
        writer.WriteString("code", reason.Code);
        writer.WriteString("message", reason.Message);
        writer.WriteStartObject("values");
        foreach (var (name, value) in reason.Values)
        {
            if (value is not null)
            {
                writer.WritePropertyName(name);
                WriteValue(writer, value);
            }
        }

        writer.WriteEndObject();
        if (reason.Details.Count > 0)
        {
            writer.WriteStartArray("details");
            foreach (var d in reason.Details)
            {
                WriteReason(writer, d);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case DateOnly date:
                writer.WriteStringValue(Iso(date));
                break;
            case Enum e:
                writer.WriteStringValue(EnumText.OfAny(e));
                break;
            case Ubigeo u:
                writer.WriteStringValue(u.ToString());
                break;
            case UbigeoArea a:
                writer.WriteStringValue(a.ToString());
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    if (item is null)
                    {
                        writer.WriteNullValue();
                    }
                    else
                    {
                        WriteValue(writer, item);
                    }
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static void WriteDate(Utf8JsonWriter writer, string name, DateOnly? date)
    {
        if (date is { } d)
        {
            writer.WriteString(name, Iso(d));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var v in values)
        {
            writer.WriteStringValue(v);
        }

        writer.WriteEndArray();
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
