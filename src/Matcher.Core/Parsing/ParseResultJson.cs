using System.Globalization;
using System.Text;
using System.Text.Json;
using Matcher.Scholarships;
using Matcher.Serialization;
using Matcher.Students;

namespace Matcher.Parsing;

/// <summary>
/// Writes parse results as JSON: <c>{"draft": …, "issues": […], "evidence": […], "provenance": {…}}</c>. A draft
/// profile is written exactly as a profile (CONTRACT §1); a draft scholarship uses the catalog's field names
/// (docs/catalog.md), with every field optional.
/// </summary>
public static class ParseResultJson
{
    /// <summary>Serializes a call parse.</summary>
    /// <param name="result">The result.</param>
    /// <param name="culture">Language of the issue messages; Spanish when <see langword="null"/>.</param>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(ParseResult<ScholarshipDraft> result, CultureInfo? culture = null, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Write(w => WriteDraft(w, result.Draft), result.Issues, result.Evidence, result.Provenance, culture, indented);
    }

    /// <summary>Serializes a self-description parse.</summary>
    /// <param name="result">The result.</param>
    /// <param name="culture">Language of the issue messages; Spanish when <see langword="null"/>.</param>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(ParseResult<StudentProfile> result, CultureInfo? culture = null, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Write(w => StudentProfileJson.Write(w, result.Draft), result.Issues, result.Evidence, result.Provenance, culture, indented);
    }

    /// <summary>Writes a draft scholarship as a JSON object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="draft">The draft.</param>
    public static void WriteDraft(Utf8JsonWriter writer, ScholarshipDraft draft)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(draft);
        writer.WriteStartObject();
        WriteString(writer, "name", draft.Name);
        WriteString(writer, "provider", draft.Provider);
        WriteString(writer, "level", draft.Level is { } l ? EnumText.Of(l) : null);
        if (draft.Convocatoria is { } c)
        {
            writer.WriteNumber("convocatoria", c);
        }

        WriteStrings(writer, "studyCountries", draft.StudyCountries);
        if (draft.Call != CallWindow.Unknown)
        {
            writer.WriteStartObject("call");
            WriteDate(writer, "opens", draft.Call.Opens);
            WriteDate(writer, "closes", draft.Call.Closes);
            WriteDate(writer, "ageReferenceDate", draft.Call.AgeReferenceDate);
            writer.WriteEndObject();
        }

        if (draft.Vacancies is { } v)
        {
            writer.WriteNumber("vacancies", v);
        }

        writer.WriteStartArray("criteria");
        foreach (var criterion in draft.Criteria)
        {
            CriterionJson.Write(writer, criterion);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("coverage");
        WriteString(writer, "type", draft.CoverageType is { } t ? EnumText.Of(t) : null);
        WriteStrings(writer, "items", draft.CoverageItems.Select(EnumText.Of).ToList());
        writer.WriteEndObject();
        writer.WriteStartArray("amounts");
        foreach (var a in draft.Amounts)
        {
            writer.WriteStartObject();
            writer.WriteNumber("value", a.Value);
            writer.WriteString("currency", a.Currency);
            writer.WriteString("purpose", EnumText.Of(a.Purpose));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteStrings(writer, "modalities", draft.Modalities);
        WriteStrings(writer, "documents", draft.Documents);
        WriteStrings(writer, "links", draft.Links);
        writer.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> draft, IReadOnlyList<ParseIssue> issues, IReadOnlyList<ParseEvidence> evidence, ParseProvenance provenance, CultureInfo? culture, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WritePropertyName("draft");
            draft(w);
            w.WriteStartArray("issues");
            foreach (var issue in issues)
            {
                w.WriteStartObject();
                w.WriteString("path", issue.Path);
                w.WriteString("code", issue.Code);
                WriteSpan(w, issue.Span);
                w.WriteString("message", issue.Message(culture));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("evidence");
            foreach (var e in evidence)
            {
                w.WriteStartObject();
                w.WriteString("path", e.Path);
                WriteSpan(w, e.Span);
                w.WriteString("quote", e.Quote);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("provenance");
            w.WriteString("parser", provenance.Parser);
            WriteString(w, "model", provenance.Model);
            w.WriteString("promptVersion", provenance.PromptVersion);
            w.WriteBoolean("fromCache", provenance.FromCache);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteSpan(Utf8JsonWriter w, TextSpan? span)
    {
        if (span is { } s)
        {
            w.WriteStartObject("span");
            w.WriteNumber("start", s.Start);
            w.WriteNumber("length", s.Length);
            w.WriteEndObject();
        }
    }

    private static void WriteString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteDate(Utf8JsonWriter w, string name, DateOnly? value)
    {
        if (value is { } d)
        {
            w.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
