using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;
using Matcher.Ingestion;
using Matcher.Ingestion.Fetching;
using Matcher.Portal.Catalog;
using Matcher.Portal.Data;
using Matcher.Portal.Data.Entities;
using Matcher.Portal.Security;
using Matcher.Portal.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Matcher.Portal.Api;

/// <summary>
/// Catalog sources (providers on their own programs, admins, API keys with <c>catalog:write</c>): register a web page,
/// a feed or a manual source, pause and resume it, check it now, upload its text, read its history.
/// </summary>
internal static class SourceEndpoints
{
    public static RouteGroupBuilder MapSourceEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/sources").WithTags("Catalog sources").RequireAuthorization(PortalPolicies.CatalogWrite);
        group.MapGet("/", List).WithName("ListSources").WithSummary("Every source with its last result; provider users see their own.");
        group.MapPost("/", Create).WithName("CreateSource").WithSummary("Registers a web page, a feed (docs/ingestion.md) or a manual source.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/{id:int}", Get).WithName("GetSource").WithSummary("A source.").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:int}", Update).WithName("UpdateSource").WithSummary("Changes a source's URL or interval.").ProducesValidationProblem();
        group.MapPost("/{id:int}/pause", (HttpContext http, int id, IDbContextFactory<MatcherDbContext> databases, TimeProvider time) => SetPausedAsync(http, id, true, databases, time))
            .WithName("PauseSource").WithSummary("Stops scheduled checks (check-now still works).");
        group.MapPost("/{id:int}/resume", (HttpContext http, int id, IDbContextFactory<MatcherDbContext> databases, TimeProvider time) => SetPausedAsync(http, id, false, databases, time))
            .WithName("ResumeSource").WithSummary("Resumes scheduled checks; the next one runs soon.");
        group.MapPost("/{id:int}/check", CheckNow).WithName("CheckSource").WithSummary("Checks the source now; a change creates a review, never a publication.");
        group.MapPost("/{id:int}/upload", Upload).WithName("UploadSourceText")
            .WithSummary("Checks text posted by hand (plain text, HTML, or a JSON/CSV feed): for PDFs and pages that cannot be fetched.")
            .Accepts<string>("text/plain", "text/html", "text/csv", "application/json");
        group.MapGet("/{id:int}/history", History).WithName("SourceHistory").WithSummary("The source's checks, newest first (at most 100).");
        return api;
    }

    private static async Task<IResult> List(HttpContext http, IDbContextFactory<MatcherDbContext> databases)
    {
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        var query = db.Sources.AsNoTracking();
        if (await OwnProviderAsync(db, http.User, http.RequestAborted).ConfigureAwait(false) is { } own)
        {
            query = query.Where(s => s.ProviderId == own);
        }

        var sources = await query.Include(s => s.Provider).OrderBy(s => s.Id).ToListAsync(http.RequestAborted).ConfigureAwait(false);
        var pending = await PendingBySourceAsync(db, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(sources.Select(s => View(s, pending.GetValueOrDefault(s.Id))).ToArray());
    }

    private static async Task<IResult> Get(HttpContext http, int id, IDbContextFactory<MatcherDbContext> databases)
    {
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        var (source, problem) = await FindAsync(db, http, id).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var pending = await PendingBySourceAsync(db, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(View(source!, pending.GetValueOrDefault(id)));
    }

    private static async Task<IResult> Create(HttpContext http, SourceRegistry registry)
    {
        var culture = ApiProblems.Culture(http);
        var (body, bad) = await JsonBody.ReadAsync<SourceRequest>(http).ConfigureAwait(false);
        if (bad is not null)
        {
            return bad;
        }

        var (source, problem) = await registry.CreateAsync(http.User, body!.Kind, body.Url, body.CallId, body.ProviderId, body.IntervalMinutes, http.RequestAborted).ConfigureAwait(false);
        if (problem is not null)
        {
            return Problem(problem, culture);
        }

        return TypedResults.Created($"/api/v1/sources/{source!.Id}", View(source, 0));
    }

    private static async Task<IResult> Update(HttpContext http, int id, IDbContextFactory<MatcherDbContext> databases, SourceRegistry registry, TimeProvider time)
    {
        var culture = ApiProblems.Culture(http);
        var (body, bad) = await JsonBody.ReadAsync<SourceRequest>(http).ConfigureAwait(false);
        if (bad is not null)
        {
            return bad;
        }

        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        var (source, problem) = await FindAsync(db, http, id, tracked: true).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Kind is not null && body.Kind != source!.Kind || body.CallId is not null && body.CallId != source!.CallId || body.ProviderId is not null && body.ProviderId != source!.ProviderId)
        {
            return ApiProblems.Field("kind", "El tipo, la convocatoria y el proveedor de una fuente no cambian; registre otra.", "A source's kind, call and provider do not change; register another.", culture);
        }

        if (body.Url is not null)
        {
            if (registry.UrlProblem(body.Url, out var url) is { } urlProblem)
            {
                return Problem(urlProblem, culture);
            }

            if (url!.ToString() != source!.Url)
            {
                source.Url = url.ToString();
                source.ETag = null;
                source.LastModified = null;
                source.NextCheckAt = time.GetUtcNow();
            }
        }

        if (body.IntervalMinutes is { } interval)
        {
            if (registry.IntervalProblem(interval) is { } intervalProblem)
            {
                return Problem(intervalProblem, culture);
            }

            source!.IntervalMinutes = interval;
        }

        AuditLog.Add(db, time, CurrentActor.Name(http.User), "source.edit", "source", id.ToString(CultureInfo.InvariantCulture), $"{source!.Url} every {source.IntervalMinutes} min");
        await db.SaveChangesAsync(http.RequestAborted).ConfigureAwait(false);
        var pending = await PendingBySourceAsync(db, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(View(source, pending.GetValueOrDefault(id)));
    }

    private static async Task<IResult> SetPausedAsync(HttpContext http, int id, bool paused, IDbContextFactory<MatcherDbContext> databases, TimeProvider time)
    {
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        var (source, problem) = await FindAsync(db, http, id, tracked: true).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        source!.Paused = paused;
        if (!paused)
        {
            source.NextCheckAt = time.GetUtcNow();
        }

        AuditLog.Add(db, time, CurrentActor.Name(http.User), paused ? "source.pause" : "source.resume", "source", id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(http.RequestAborted).ConfigureAwait(false);
        var pending = await PendingBySourceAsync(db, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(View(source, pending.GetValueOrDefault(id)));
    }

    private static async Task<IResult> CheckNow(HttpContext http, int id, IDbContextFactory<MatcherDbContext> databases, SourceRunner runner)
    {
        await using (var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false))
        {
            var (source, problem) = await FindAsync(db, http, id).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            if (source!.Url is null)
            {
                var culture = ApiProblems.Culture(http);
                return ApiProblems.Field("url", "Esta fuente no tiene URL: suba su texto con /upload.", "This source has no URL: upload its text with /upload.", culture);
            }
        }

        var run = await runner.CheckAsync(id, CurrentActor.Name(http.User), null, null, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(RunView(run!, ApiProblems.Culture(http)));
    }

    private static async Task<IResult> Upload(HttpContext http, int id, IDbContextFactory<MatcherDbContext> databases, SourceRunner runner, IOptions<IngestionOptions> ingestion)
    {
        var culture = ApiProblems.Culture(http);
        await using (var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false))
        {
            var (_, problem) = await FindAsync(db, http, id).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }
        }

        var mediaType = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not ("text/plain" or "text/html" or "text/csv" or "application/json"))
        {
            return ApiProblems.Field("Content-Type", "Envíe text/plain, text/html, text/csv o application/json.", "Send text/plain, text/html, text/csv or application/json.", culture);
        }

        var bytes = await RequestBody.ReadAsync(http.Request, ingestion.Value.MaxResponseBytes, http.RequestAborted).ConfigureAwait(false);
        string text;
        try
        {
            text = bytes is null ? "" : new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return ApiProblems.Field("$", "El texto no es UTF-8.", "The text is not UTF-8.", culture);
        }

        if (bytes is null || string.IsNullOrWhiteSpace(text))
        {
            return ApiProblems.Field("$", $"Envíe el texto (hasta {ingestion.Value.MaxResponseBytes} bytes).", $"Send the text (up to {ingestion.Value.MaxResponseBytes} bytes).", culture);
        }

        var run = await runner.CheckAsync(id, CurrentActor.Name(http.User), text, mediaType, http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(RunView(run!, culture));
    }

    private static async Task<IResult> History(HttpContext http, int id, IDbContextFactory<MatcherDbContext> databases)
    {
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        var (_, problem) = await FindAsync(db, http, id).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var checks = await db.SourceChecks.AsNoTracking().Where(c => c.SourceId == id).OrderByDescending(c => c.Id).Take(100)
            .Select(c => new SourceCheckItem(c.CheckedAt, c.TriggeredBy, c.Outcome, c.HttpStatus, c.ContentHash, c.Error, c.ReviewsCreated, c.DurationMs))
            .ToListAsync(http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(checks);
    }

    internal static Task<int?> OwnProviderAsync(MatcherDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        SourceRegistry.OwnProviderAsync(db, user, cancellationToken);

    private static IResult Problem(SourceProblem problem, CultureInfo culture) =>
        problem.Field is null ? ApiProblems.Forbidden(culture) : ApiProblems.Field(problem.Field, problem.Spanish, problem.English, culture);

    private static async Task<(CatalogSource? Source, IResult? Problem)> FindAsync(MatcherDbContext db, HttpContext http, int id, bool tracked = false)
    {
        var culture = ApiProblems.Culture(http);
        var query = tracked ? db.Sources : db.Sources.AsNoTracking();
        var source = await query.Include(s => s.Provider).SingleOrDefaultAsync(s => s.Id == id, http.RequestAborted).ConfigureAwait(false);
        if (source is null)
        {
            return (null, ApiProblems.NotFound(culture, $"source {id}"));
        }

        return await CatalogEditor.MayEditAsync(db, http.User, source.ProviderId, http.RequestAborted).ConfigureAwait(false)
            ? (source, null)
            : (null, ApiProblems.Forbidden(culture));
    }

    private static async Task<Dictionary<int, int>> PendingBySourceAsync(MatcherDbContext db, CancellationToken cancellationToken) =>
        await db.Reviews.AsNoTracking().Where(r => r.Status == ReviewStatus.Pending && r.SourceId != null)
            .GroupBy(r => r.SourceId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken).ConfigureAwait(false);

    private static SourceView View(CatalogSource s, int pendingReviews) => new(
        s.Id, s.ProviderId, s.Provider?.Name, s.Kind, s.Url, s.CallId, s.IntervalMinutes, s.Paused, s.Status, s.LastCheckedAt, s.NextCheckAt,
        s.LastError, s.ConsecutiveFailures, pendingReviews);

    private static SourceRunView RunView(SourceRun run, CultureInfo culture) =>
        new(run.Outcome, run.Error, run.ReviewIds, run.FeedErrors.Select(e => new SourceFeedError(e.Line, e.Field, e.Message(culture))).ToArray());
}

/// <summary>A source to register, or the fields to change.</summary>
public sealed record SourceRequest(string? Kind, string? Url, string? CallId, int? ProviderId, int? IntervalMinutes);

/// <summary>A source with its last result.</summary>
public sealed record SourceView(
    int Id, int ProviderId, string? Provider, string Kind, string? Url, string? CallId, int IntervalMinutes, bool Paused, string Status,
    DateTimeOffset? LastCheckedAt, DateTimeOffset? NextCheckAt, string? LastError, int ConsecutiveFailures, int PendingReviews);

/// <summary>What a check came to.</summary>
public sealed record SourceRunView(string Outcome, string? Error, IReadOnlyList<int> ReviewIds, IReadOnlyList<SourceFeedError> FeedErrors);

/// <summary>A feed problem by line and field.</summary>
public sealed record SourceFeedError(int Line, string Field, string Message);

/// <summary>One check in a source's history.</summary>
public sealed record SourceCheckItem(DateTimeOffset CheckedAt, string TriggeredBy, string Outcome, int? HttpStatus, string? ContentHash, string? Error, int ReviewsCreated, int DurationMs);
