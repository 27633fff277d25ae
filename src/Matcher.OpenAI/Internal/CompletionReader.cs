using System.Text.Json;
using Matcher.OpenAI.Parsing;
using Matcher.Parsing;
using OpenAI.Chat;

namespace Matcher.OpenAI.Internal;

/// <summary>Checks how a completion ended and reads its structured content; never repairs a partial answer.</summary>
internal static class CompletionReader
{
    public static T Read<T>(ChatCompletion completion)
        where T : class
    {
        if (completion.FinishReason == ChatFinishReason.Length)
        {
            throw new TextParseException(ParseFailureKind.Truncated, "finish_reason=length");
        }

        if (!string.IsNullOrEmpty(completion.Refusal) || completion.FinishReason == ChatFinishReason.ContentFilter)
        {
            throw new TextParseException(ParseFailureKind.Refused, completion.FinishReason == ChatFinishReason.ContentFilter ? "content_filter" : "refusal");
        }

        var content = string.Concat(completion.Content.Select(c => c.Text));
        try
        {
            using var _ = JsonDocument.Parse(content);
        }
        catch (JsonException ex)
        {
            throw new TextParseException(ParseFailureKind.InvalidJson, "line " + (ex.LineNumber + 1), ex);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(content, ExtractionSchema.SerializerOptions)
                ?? throw new TextParseException(ParseFailureKind.SchemaViolation, "null");
        }
        catch (JsonException ex)
        {
            throw new TextParseException(ParseFailureKind.SchemaViolation, ex.Path ?? "$", ex);
        }
    }

    public static string Text(ChatCompletion completion)
    {
        if (completion.FinishReason == ChatFinishReason.Length)
        {
            throw new TextParseException(ParseFailureKind.Truncated, "finish_reason=length");
        }

        if (!string.IsNullOrEmpty(completion.Refusal) || completion.FinishReason == ChatFinishReason.ContentFilter)
        {
            throw new TextParseException(ParseFailureKind.Refused, "refusal");
        }

        return string.Concat(completion.Content.Select(c => c.Text)).Trim();
    }
}
