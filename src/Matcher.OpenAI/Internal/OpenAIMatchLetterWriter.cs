using Matcher.Letters;
using Matcher.Matching;
using Matcher.OpenAI.Parsing;
using Matcher.Parsing;
using Matcher.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenAI.Chat;

namespace Matcher.OpenAI.Internal;

/// <summary>
/// Asks the model for a warm letter, then checks it adds no fact (<see cref="LetterFactCheck"/>). A letter that fails
/// the check, or a failed call, gives the offline letter instead, with the reason as an issue.
/// </summary>
internal sealed class OpenAIMatchLetterWriter(ChatTransport transport, [FromKeyedServices(OpenAIMatchLetterWriter.OfflineKey)] IMatchLetterWriter offline, ILogger<OpenAIMatchLetterWriter>? logger = null) : IMatchLetterWriter
{
    /// <summary>Key of the offline writer kept as the fallback when the GPT writer replaces it.</summary>
    public const string OfflineKey = "Matcher.OpenAI.offline-letter-writer";

    private const string Operation = "letter";

    public async Task<MatchLetter> WriteAsync(MatchReport report, LetterLanguage language = LetterLanguage.Spanish, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var request = new ChatCompletionOptions { MaxOutputTokenCount = 800, Temperature = transport.Options.Temperature };
        var lang = language == LetterLanguage.Quechua ? "Southern Quechua (runasimi)" : "plain Peruvian Spanish";
        ChatMessage[] messages =
        [
            new SystemChatMessage(Prompts.Letter + " Write it in " + lang + "."),
            new UserChatMessage("<<<REPORT\n" + MatchReportJson.Serialize(report) + "\nREPORT>>>"),
        ];
        string text;
        try
        {
            text = CompletionReader.Text(await transport.CompleteAsync(Operation, messages, request, cancellationToken).ConfigureAwait(false));
        }
        catch (TextParseException ex)
        {
            var fallback = await offline.WriteAsync(report, language, cancellationToken).ConfigureAwait(false);
            return fallback with { Issues = [ParseIssue.Create("$", "parse.failed", null, ("kind", ex.Kind), ("detail", ex.Detail ?? "—"))] };
        }

        var unsupported = LetterFactCheck.FindUnsupported(text, report);
        if (unsupported.Count > 0 || text.Length == 0)
        {
            Log.LetterReplaced(logger ?? NullLogger<OpenAIMatchLetterWriter>.Instance, unsupported.Count);
            var fallback = await offline.WriteAsync(report, language, cancellationToken).ConfigureAwait(false);
            return fallback with { Issues = unsupported.Select(u => ParseIssue.Create("$", "parse.letter-fact-not-in-report", null, ("value", u))).ToList() };
        }

        return new MatchLetter(text, language, new ParseProvenance("openai", transport.Model, Prompts.LetterVersion), []);
    }
}
