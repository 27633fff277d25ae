namespace Matcher.Portal.Security;

/// <summary>What a principal may do with a row of the access table.</summary>
public enum Access
{
    /// <summary>The call is served.</summary>
    Allowed,

    /// <summary>The call is served, and answers only with the caller's own data.</summary>
    OwnOnly,

    /// <summary>401, 403, or a redirect to sign in.</summary>
    Refused,
}

/// <summary>A row: an endpoint (method and route) or a page (route).</summary>
/// <param name="Method">HTTP method, <c>*</c> for any, <c>PAGE</c> for a page.</param>
/// <param name="Route">Route template, with a leading slash.</param>
/// <param name="Access">One cell per principal, in <see cref="AccessTable.Principals"/> order.</param>
/// <param name="Line">Line in docs/security.md.</param>
public sealed record AccessRow(string Method, string Route, IReadOnlyList<Access> Access, int Line)
{
    /// <summary>Whether the row is a page.</summary>
    public bool IsPage => Method == "PAGE";

    /// <summary>"METHOD /route", or the route of a page.</summary>
    public string Key => IsPage ? Route : $"{Method} {Route}";
}

/// <summary>The two access tables of <c>docs/security.md</c>: endpoints (<c>| Method | Route | …</c>) and pages (<c>| Page | …</c>).</summary>
public sealed class AccessTable
{
    /// <summary>The principals, in column order.</summary>
    public static IReadOnlyList<string> Principals { get; } =
        ["anonymous", "admin", "provider", "counselor", "analyst", .. ApiScopes.All.Select(s => "key " + s)];

    /// <summary>Endpoint rows.</summary>
    public required IReadOnlyList<AccessRow> Endpoints { get; init; }

    /// <summary>Page rows.</summary>
    public required IReadOnlyList<AccessRow> Pages { get; init; }

    /// <summary>The principal columns as the document names them.</summary>
    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>Reads docs/security.md from the repository; a bad cell fails with its line.</summary>
    public static AccessTable Load()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "security.md");
        var lines = File.ReadAllLines(path);
        var endpoints = new List<AccessRow>();
        var pages = new List<AccessRow>();
        IReadOnlyList<string> columns = [];
        string? kind = null;
        var notes = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (!line.StartsWith('|'))
            {
                kind = null;
                continue;
            }

            var cells = line.Trim('|').Split('|').Select(c => c.Trim().Trim('`')).ToArray();
            if (kind is null)
            {
                kind = cells is ["Method", "Route", ..] ? "endpoint" : cells is ["Page", ..] ? "page" : "other";
                if (kind != "other")
                {
                    columns = cells.Skip(kind == "endpoint" ? 2 : 1).Where(c => c != "Notes").ToArray();
                    notes = cells[^1] == "Notes";
                    i++; // the |---| line
                }

                continue;
            }

            if (kind == "other")
            {
                continue;
            }

            var first = kind == "endpoint" ? 2 : 1;
            if (cells.Length != first + Principals.Count + (notes ? 1 : 0))
            {
                throw new FormatException($"{path}:{i + 1}: {cells.Length - first} cells after the route, expected {Principals.Count} access cells{(notes ? " and the notes" : "")}.");
            }

            var access = cells.Skip(first).Take(Principals.Count).Select(c => Parse(c, path, i + 1)).ToArray();
            if (kind == "endpoint")
            {
                endpoints.Add(new AccessRow(cells[0], Normalize(cells[1]), access, i + 1));
            }
            else
            {
                pages.Add(new AccessRow("PAGE", Normalize(cells[0]), access, i + 1));
            }
        }

        if (endpoints.Count == 0 || pages.Count == 0)
        {
            throw new FormatException($"{path}: no access table (a table headed | Method | Route | … and one headed | Page | …).");
        }

        return new AccessTable { Endpoints = endpoints, Pages = pages, Columns = columns };
    }

    /// <summary>A route with one leading slash and no trailing one.</summary>
    public static string Normalize(string route)
    {
        var trimmed = "/" + route.Trim().Trim('/');
        return trimmed;
    }

    private static Access Parse(string cell, string path, int line) => cell switch
    {
        "allowed" => Access.Allowed,
        "own only" => Access.OwnOnly,
        "refused" => Access.Refused,
        _ => throw new FormatException($"{path}:{line}: '{cell}' is not allowed, own only or refused."),
    };

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Matcher.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Matcher.sln not found above " + AppContext.BaseDirectory);
    }
}
