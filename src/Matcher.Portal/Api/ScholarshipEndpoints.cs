using System.Globalization;
using Matcher.Catalog;
using Matcher.Explanations;
using Matcher.Portal.Catalog;
using Matcher.Portal.Data;
using Matcher.Scholarships;
using Matcher.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Portal.Api;

/// <summary>The published catalog, read by anyone: <c>GET /api/v1/scholarships</c> (paged, filtered) and <c>/{id}</c>.</summary>
internal static class ScholarshipEndpoints
{
    public static RouteGroupBuilder MapScholarshipEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/scholarships").WithTags("Catalog").AllowAnonymous();
        group.MapGet("/", List)
            .WithName("ListScholarships")
            .WithSummary("The published catalog, paged; filters: provider, program, level, status (open|upcoming|closed as of date), q (words in the name).")
            .ProducesValidationProblem();
        group.MapGet("/{id}", Get)
            .WithName("GetScholarship")
            .WithSummary("One published entry in the catalog format (docs/catalog.md).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    internal static Results<Ok<ScholarshipPage>, ValidationProblem> List(
        HttpContext http,
        ICatalogProvider catalog,
        IMatcherClock clock,
        string? provider = null,
        string? program = null,
        string? level = null,
        string? status = null,
        string? q = null,
        string? date = null,
        string? page = null,
        string? pageSize = null)
    {
        var culture = ApiProblems.Culture(http);
        if (!TryInt(page, 1, 1, 100_000, out var pageNumber))
        {
            return ApiProblems.Field("page", "Debe ser un entero de 1 en adelante.", "Must be a whole number from 1 up.", culture);
        }

        if (!TryInt(pageSize, 20, 1, 100, out var size))
        {
            return ApiProblems.Field("pageSize", "Debe ser un entero entre 1 y 100.", "Must be a whole number between 1 and 100.", culture);
        }

        ScholarshipLevel? levelFilter = null;
        if (level is { Length: > 0 })
        {
            if (!EnumText.TryParse<ScholarshipLevel>(level, out var l))
            {
                return ApiProblems.Field("level", "Valores: " + string.Join(", ", EnumText.All<ScholarshipLevel>()), "Values: " + string.Join(", ", EnumText.All<ScholarshipLevel>()), culture);
            }

            levelFilter = l;
        }

        Scholarships.CallStatus? statusFilter = null;
        if (status is { Length: > 0 })
        {
            if (!EnumText.TryParse<Scholarships.CallStatus>(status, out var s))
            {
                return ApiProblems.Field("status", "Valores: open, upcoming, closed, unknown.", "Values: open, upcoming, closed, unknown.", culture);
            }

            statusFilter = s;
        }

        var asOf = clock.Today();
        if (date is { Length: > 0 } && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            return ApiProblems.Field("date", "Use una fecha AAAA-MM-DD.", "Use a date YYYY-MM-DD.", culture);
        }

        var snapshot = catalog.Current;
        var matches = snapshot.Scholarships
            .Where(s => provider is not { Length: > 0 } || string.Equals(s.Provider, provider, StringComparison.OrdinalIgnoreCase))
            .Where(s => program is not { Length: > 0 } || string.Equals(s.Program, program, StringComparison.OrdinalIgnoreCase))
            .Where(s => levelFilter is null || s.Level == levelFilter)
            .Where(s => statusFilter is null || s.Call.StatusOn(asOf) == statusFilter)
            .Where(s => q is not { Length: > 0 } || s.Name.Es.Contains(q, StringComparison.OrdinalIgnoreCase) || s.Name.En.Contains(q, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var items = matches
            .Skip((pageNumber - 1) * size)
            .Take(size)
            .Select(s => new ScholarshipSummary(
                s.Id,
                s.Name.Get(culture),
                s.Provider,
                s.Program,
                EnumText.Of(s.Level),
                new CallSummary(EnumText.Of(s.Call.StatusOn(asOf)), s.Call.Opens, s.Call.Closes),
                s.Vacancies,
                s.SourceUrl,
                s.SourceYear))
            .ToList();
        return TypedResults.Ok(new ScholarshipPage(snapshot.Version, asOf, pageNumber, size, matches.Count, items));
    }

    internal static async Task<IResult> Get(HttpContext http, string id, ICatalogProvider catalog, DatabaseCatalogSource source, IDbContextFactory<MatcherDbContext> databases)
    {
        var culture = ApiProblems.Culture(http);
        var snapshot = catalog.Current;
        if (snapshot.Find(id) is null)
        {
            return ApiProblems.NotFound(culture, id);
        }

        // Served from memory when the documents match the snapshot, so reads survive a database outage.
        string? json = null;
        if (source.Last is { } last && last.Version == snapshot.Version)
        {
            last.Documents.TryGetValue(id, out json);
        }

        if (json is null)
        {
            await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
            json = await db.Calls.AsNoTracking().Where(c => c.Id == id).Select(c => c.PublishedJson).SingleOrDefaultAsync(http.RequestAborted).ConfigureAwait(false);
        }

        http.Response.Headers["X-Catalog-Version"] = snapshot.Version;
        return json is null ? ApiProblems.NotFound(culture, id) : TypedResults.Text(json, "application/json; charset=utf-8");
    }

    private static bool TryInt(string? text, int fallback, int min, int max, out int value)
    {
        value = fallback;
        return text is not { Length: > 0 }
            || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max);
    }
}

/// <summary>A page of the published catalog.</summary>
/// <param name="CatalogVersion">Version of the catalog.</param>
/// <param name="AsOf">Date the call statuses are computed at.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Entries per page.</param>
/// <param name="Total">Entries that match the filters.</param>
/// <param name="Items">This page's entries.</param>
public sealed record ScholarshipPage(string CatalogVersion, DateOnly AsOf, int Page, int PageSize, int Total, IReadOnlyList<ScholarshipSummary> Items);

/// <summary>One entry in a catalog page.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Name">Name in the request's language.</param>
/// <param name="Provider">Provider.</param>
/// <param name="Program">Program.</param>
/// <param name="Level">Level of study.</param>
/// <param name="Call">Call window and status.</param>
/// <param name="Vacancies">Vacancies, when published.</param>
/// <param name="SourceUrl">Where the facts come from.</param>
/// <param name="SourceYear">Year of the source.</param>
public sealed record ScholarshipSummary(string Id, string Name, string Provider, string Program, string Level, CallSummary Call, int? Vacancies, string SourceUrl, int SourceYear);

/// <summary>A call's window and status as of a date.</summary>
/// <param name="Status">open, upcoming, closed or unknown.</param>
/// <param name="Opens">Opening date.</param>
/// <param name="Closes">Closing date.</param>
public sealed record CallSummary(string Status, DateOnly? Opens, DateOnly? Closes);
