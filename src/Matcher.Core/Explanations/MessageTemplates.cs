using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text;
using Matcher.Geography;
using Matcher.Serialization;

namespace Matcher.Explanations;

/// <summary>
/// Renders user-facing messages from resource templates with named placeholders (<c>{age}</c>) and typed values.
/// Enum values are rendered through their own resource entries (<c>enum.AcademicRank.topThird</c> → "tercio superior").
/// </summary>
internal static class MessageTemplates
{
    private static readonly ResourceManager Resources = new("Matcher.Resources.Messages", typeof(MessageTemplates).Assembly);

    // Resource lookups walk the culture fallback chain on every call; batches render millions of messages, so each
    // (key, culture) is looked up once. The resources are embedded and never change, so the cache cannot go stale.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Key, string Culture), string?> Templates = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Enum Value, string Culture), string> EnumNames = new();

    public static string? Template(string key, CultureInfo culture) =>
        Templates.GetOrAdd((key, culture.Name), static k => Resources.GetString(k.Key, CultureInfo.GetCultureInfo(k.Culture)));

    public static bool Has(string key) => Resources.GetString(key, MatcherCultures.Spanish) is not null;

    public static string Render(string key, IReadOnlyDictionary<string, object?> values, CultureInfo culture)
    {
        var template = Template(key, culture) ?? throw new InvalidOperationException($"No message for '{key}'.");
        return Fill(template, values, culture);
    }

    public static string Fill(string template, IReadOnlyDictionary<string, object?> values, CultureInfo culture)
    {
        var sb = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }

            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }

            sb.Append(template, i, open - i);
            var name = template.Substring(open + 1, close - open - 1);
            sb.Append(values.TryGetValue(name, out var value) ? FormatValue(value, culture) : "{" + name + "}");
            i = close + 1;
        }

        return sb.ToString();
    }

    public static string FormatValue(object? value, CultureInfo culture) => value switch
    {
        null => "—",
        string s => s,
        DateOnly d => d.ToString(Template("format.date", culture) ?? "yyyy-MM-dd", culture),
        decimal m => m.ToString("0.##", culture),
        double x => x.ToString("0.##", culture),
        Enum e => EnumName(e, culture),
        Ubigeo u => UbigeoDirectory.Default.Describe(u),
        UbigeoArea a => UbigeoDirectory.Default.NameOf(a) ?? a.ToString(),
        IFormattable f => f.ToString(null, culture),
        IEnumerable list => JoinOr(list.Cast<object?>().Select(v => FormatValue(v, culture)).ToList(), culture),
        _ => value.ToString() ?? string.Empty,
    };

    public static string EnumName(Enum value, CultureInfo culture) =>
        EnumNames.GetOrAdd((value, culture.Name), static k =>
        {
            var text = EnumText.OfAny(k.Value);
            return Template($"enum.{k.Value.GetType().Name}.{text}", CultureInfo.GetCultureInfo(k.Culture)) ?? text;
        });

    private static string JoinOr(List<string> items, CultureInfo culture)
    {
        if (items.Count <= 1)
        {
            return items.Count == 0 ? string.Empty : items[0];
        }

        var or = Template("list.or", culture) ?? "or";
        return string.Join(", ", items.Take(items.Count - 1)) + " " + or + " " + items[^1];
    }
}
