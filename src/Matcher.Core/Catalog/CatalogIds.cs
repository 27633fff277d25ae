using System.Text.RegularExpressions;

namespace Matcher.Catalog;

/// <summary>Rules for ids and links in the catalog.</summary>
internal static partial class CatalogIds
{
    public static bool IsKebabCase(string? id) => id is { Length: > 0 and <= 100 } && KebabCase().IsMatch(id);

    public static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabCase();
}
