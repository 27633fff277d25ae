using System.Globalization;
using System.Resources;
using System.Text;
using Matcher.Eligibility;
using Matcher.Explanations;
using Matcher.Matching;
using Matcher.Parsing;
using Matcher.Scholarships;

namespace Matcher.Letters.Internal;

/// <summary>
/// The default letter writer: fixed templates (Spanish, Southern Quechua) filled with the report's own values, so it
/// cannot add a fact. The Quechua and Spanish templates share one neutral resource file, keyed by language prefix.
/// </summary>
internal sealed class OfflineMatchLetterWriter : IMatchLetterWriter
{
    /// <summary>Version of the templates.</summary>
    public const string TemplateVersion = "letters-2026.1";

    private const int MaxItems = 3;

    private static readonly ResourceManager Templates = new("Matcher.Letters.Internal.LetterTemplates", typeof(OfflineMatchLetterWriter).Assembly);

    public Task<MatchLetter> WriteAsync(MatchReport report, LetterLanguage language = LetterLanguage.Spanish, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new MatchLetter(Write(report, language), language, new ParseProvenance("offline", null, TemplateVersion), []));
    }

    internal static string Write(MatchReport report, LetterLanguage language)
    {
        var p = language == LetterLanguage.Quechua ? "qu." : "es.";
        var culture = MatcherCultures.Spanish;
        var sb = new StringBuilder();
        sb.AppendLine(T(p + "greeting")).AppendLine();
        sb.AppendLine(Fill(T(p + "intro"), culture, ("date", report.AsOf)));
        var eligible = report.Matches.Where(m => m.Verdict == EligibilityVerdict.Eligible).ToList();
        var unknown = report.Matches.Where(m => m.Verdict == EligibilityVerdict.Unknown).ToList();
        if (eligible.Count == 0 && unknown.Count == 0)
        {
            sb.AppendLine(T(p + "none"));
        }
        else
        {
            if (eligible.Count > 0)
            {
                sb.AppendLine(eligible.Count == 1 ? T(p + "eligible-one") : Fill(T(p + "eligible"), culture, ("count", eligible.Count)));
            }

            if (unknown.Count > 0)
            {
                sb.AppendLine(Fill(T(p + "unknown"), culture, ("count", unknown.Count)));
            }

            sb.AppendLine();
            foreach (var m in eligible.Concat(unknown).Take(MaxItems))
            {
                sb.AppendLine(Fill(T(p + (m.Verdict == EligibilityVerdict.Eligible ? "item-eligible" : "item-unknown")), culture, ("name", m.Name)));
                if (m.Call.Closes is { } closes)
                {
                    sb.AppendLine(Fill(T(p + (m.Call.Status == CallStatus.Closed ? "closed" : "closes")), culture, ("date", closes)));
                }

                if (m.NextSteps.Count > 0)
                {
                    sb.AppendLine(Fill(T(p + "step"), culture, ("step", m.NextSteps[0])));
                }
                else if (m.Missing.Count > 0)
                {
                    sb.AppendLine(Fill(T(p + "missing"), culture, ("facts", string.Join(", ", m.Missing.Select(f => MatcherText.FactLabel(f, culture))))));
                }
            }
        }

        sb.AppendLine().Append(T(p + "closing"));
        return sb.ToString();
    }

    private static string T(string key) => Templates.GetString(key, CultureInfo.InvariantCulture) ?? throw new InvalidOperationException($"No letter template '{key}'.");

    private static string Fill(string template, CultureInfo culture, params (string Name, object? Value)[] values) =>
        MatcherText.Fill(template, values.ToDictionary(v => v.Name, v => v.Value), culture);
}
