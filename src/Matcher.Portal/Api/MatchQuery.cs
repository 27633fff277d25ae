using System.Globalization;
using Matcher.Matching;
using Matcher.Portal.Catalog;

namespace Matcher.Portal.Api;

/// <summary>The query string of the match endpoints (<c>date</c>, <c>top</c>, <c>all</c>, <c>lang</c>), read strictly.</summary>
internal static class MatchQuery
{
    /// <summary>The request, or the name of the bad parameter with its message.</summary>
    public static (MatchRequest? Request, string? BadField, string? Es, string? En) Read(HttpRequest http, ActiveSettings settings)
    {
        var q = http.Query;
        DateOnly? asOf = null;
        if (q.TryGetValue("date", out var date) && date.ToString().Length > 0)
        {
            if (!DateOnly.TryParseExact(date.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return (null, "date", "Use una fecha AAAA-MM-DD, por ejemplo 2025-09-20.", "Use a date YYYY-MM-DD, for example 2025-09-20.");
            }

            asOf = d;
        }

        int? top = null;
        if (q.TryGetValue("top", out var topText) && topText.ToString().Length > 0)
        {
            if (!int.TryParse(topText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var t) || t is < 1 or > 1000)
            {
                return (null, "top", "Debe ser un número entero entre 1 y 1000.", "Must be a whole number between 1 and 1000.");
            }

            top = t;
        }

        var all = false;
        if (q.TryGetValue("all", out var allText) && allText.ToString().Length > 0 && !bool.TryParse(allText.ToString(), out all))
        {
            return (null, "all", "Debe ser true o false.", "Must be true or false.");
        }

        string? lang = null;
        if (q.TryGetValue("lang", out var langText) && langText.ToString().Length > 0)
        {
            lang = langText.ToString();
            if (lang is not ("es" or "en"))
            {
                return (null, "lang", "Idiomas disponibles: es, en.", "Available languages: es, en.");
            }
        }

        return (new MatchRequest { AsOf = asOf, Top = top, IncludeIneligible = all, Language = lang, Weights = settings.Current.Weights }, null, null, null);
    }
}
