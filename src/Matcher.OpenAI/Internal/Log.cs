using Matcher.Parsing;
using Microsoft.Extensions.Logging;

namespace Matcher.OpenAI.Internal;

/// <summary>Log messages: operations, models, counts and failure kinds only; never the text or an extracted fact.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Parsed a {Operation} text with {Model}: {Facts} facts with evidence, {Issues} issues, from cache: {FromCache}.")]
    public static partial void Parsed(ILogger logger, string operation, string model, int facts, int issues, bool fromCache);

    [LoggerMessage(2, LogLevel.Warning, "{Operation} call to {Model} failed: {Kind} ({Detail}).")]
    public static partial void Failed(ILogger logger, string operation, string model, ParseFailureKind kind, string? detail);

    [LoggerMessage(3, LogLevel.Warning, "Generated letter replaced by the offline letter: {Count} mentions not in the report.")]
    public static partial void LetterReplaced(ILogger logger, int count);

    [LoggerMessage(4, LogLevel.Debug, "Retrying a {Operation} call after {Delay} (attempt {Attempt}).")]
    public static partial void Retrying(ILogger logger, string operation, TimeSpan delay, int attempt);
}
