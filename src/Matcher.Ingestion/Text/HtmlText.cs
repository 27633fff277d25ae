using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Matcher.Ingestion.Text;

/// <summary>
/// HTML to the main text of a page with AngleSharp: scripts, styles, navigation, headers, footers, asides, forms and
/// hidden elements are dropped; the text of <c>main</c> (or <c>[role=main]</c>, or the only <c>article</c>, or the
/// body) is kept with one line per block and list item.
/// </summary>
public static partial class HtmlText
{
    private const string Dropped = "script, style, noscript, template, svg, canvas, iframe, object, nav, header, footer, aside, form, button, "
        + "[hidden], [aria-hidden=true], [role=navigation], [role=banner], [role=contentinfo], [role=search]";

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "thead", "tbody",
        "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure", "figcaption", "address", "hr", "br",
    };

    /// <summary>Extracts the main text of an HTML document.</summary>
    /// <param name="html">The document.</param>
    /// <param name="baseUrl">Where it was fetched from, to resolve relative links.</param>
    /// <returns>The title, main text and links.</returns>
    public static ExtractedPage Extract(string html, Uri? baseUrl = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        var document = new HtmlParser().ParseDocument(html);
        var title = document.Title is { Length: > 0 } t ? TextNormalizer.Normalize(t) : null;
        foreach (var element in document.QuerySelectorAll(Dropped).ToArray())
        {
            element.Remove();
        }

        var articles = document.QuerySelectorAll("article");
        var root = document.QuerySelector("main") ?? document.QuerySelector("[role=main]")
            ?? (articles.Length == 1 ? articles[0] : null) ?? document.Body ?? document.DocumentElement;
        var text = new StringBuilder();
        Write(root, text);

        var links = new List<Uri>();
        foreach (var anchor in root.QuerySelectorAll("a[href]"))
        {
            var href = anchor.GetAttribute("href")!.Trim();
            if (Uri.TryCreate(baseUrl, href, out var link) || Uri.TryCreate(href, UriKind.Absolute, out link))
            {
                if (link.IsAbsoluteUri && (link.Scheme == Uri.UriSchemeHttp || link.Scheme == Uri.UriSchemeHttps) && !links.Contains(link))
                {
                    links.Add(link);
                }
            }
        }

        var documents = links.Where(l => l.AbsolutePath.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)
            || l.AbsolutePath.EndsWith(".doc", StringComparison.OrdinalIgnoreCase)
            || l.AbsolutePath.EndsWith(".docx", StringComparison.OrdinalIgnoreCase)).ToArray();
        return new ExtractedPage(title, TextNormalizer.Normalize(text.ToString()), links, documents);
    }

    private static void Write(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText leaf:
                    // In HTML a line break inside a paragraph is only white space; lines come from blocks (and pre).
                    text.Append(leaf.ParentElement?.Closest("pre") is null ? WhiteSpace().Replace(leaf.Data, " ") : leaf.Data);
                    break;
                case IElement element:
                    var block = Blocks.Contains(element.LocalName);
                    if (block)
                    {
                        text.Append('\n');
                    }

                    if (element.LocalName == "li")
                    {
                        text.Append("- ");
                    }
                    else if (element.LocalName is "td" or "th")
                    {
                        text.Append(' ');
                    }

                    Write(element, text);
                    if (block)
                    {
                        text.Append('\n');
                    }

                    break;
            }
        }
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpace();
}
