using System.Globalization;
using System.Text;
using System.Text.Json;
using Matcher.Portal.Catalog;
using Matcher.Portal.Data;
using Matcher.Portal.Data.Entities;
using Matcher.Portal.Options;
using Matcher.Portal.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Matcher.Portal.Api;

/// <summary>
/// Editing the catalog (providers, admins, API keys with <c>catalog:write</c>): drafts, publish, archive, history.
/// Every write names the revision it is based on in <c>If-Match</c>; a stale one answers 409 and changes nothing.
/// </summary>
internal static class CallEndpoints
{
    public static RouteGroupBuilder MapCallEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/calls").WithTags("Catalog editing").RequireAuthorization(PortalPolicies.CatalogWrite);
        group.MapGet("/", List).WithName("ListCalls").WithSummary("Every call with its status and revision; provider users see their own.");
        group.MapGet("/{id}", Get).WithName("GetCall").WithSummary("A call's draft and published versions; the ETag is its revision.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", Create).WithName("CreateCall").WithSummary("Creates a draft from a catalog entry (docs/catalog.md).")
            .Accepts<JsonElement>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id}", Update).WithName("UpdateCall").WithSummary("Replaces the draft; needs If-Match with the current revision.")
            .Accepts<JsonElement>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id}/publish", Publish).WithName("PublishCall").WithSummary("Publishes the draft: a new catalog version on every replica.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id}/archive", Archive).WithName("ArchiveCall").WithSummary("Withdraws the call from the catalog; its history stays.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/import", Import).WithName("ImportCalls")
            .WithSummary("Imports a JSON array or JSON Lines of catalog entries as new calls, all or nothing; publish=true publishes them at once.")
            .Accepts<JsonElement>("application/json", "application/x-ndjson").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id}/revisions", Revisions).WithName("CallRevisions").WithSummary("Every revision of the call, newest first.");
        return api;
    }

    private static async Task<IResult> List(HttpContext http, IDbContextFactory<MatcherDbContext> databases)
    {
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        var query = db.Calls.AsNoTracking();
        if (!CurrentActor.IsAdmin(http.User) && !http.User.HasClaim(ApiScopes.ClaimType, ApiScopes.CatalogWrite))
        {
            var userId = CurrentActor.Id(http.User);
            var providerId = await db.Users.Where(u => u.Id == userId).Select(u => u.ProviderId).SingleOrDefaultAsync(http.RequestAborted).ConfigureAwait(false);
            query = query.Where(c => c.ProviderId == providerId);
        }

        var calls = await query.OrderBy(c => c.Id)
            .Select(c => new CallListItem(c.Id, c.Provider!.Name, c.Status.ToString().ToLowerInvariant(), c.Revision, c.PublishedRevision, c.UpdatedBy))
            .ToListAsync(http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(calls);
    }

    private static async Task<IResult> Get(HttpContext http, string id, IDbContextFactory<MatcherDbContext> databases)
    {
        var culture = ApiProblems.Culture(http);
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        var call = await db.Calls.AsNoTracking().Include(c => c.Provider).SingleOrDefaultAsync(c => c.Id == id, http.RequestAborted).ConfigureAwait(false);
        if (call is null)
        {
            return ApiProblems.NotFound(culture, id);
        }

        if (!await CatalogEditor.MayEditAsync(db, http.User, call.ProviderId, http.RequestAborted).ConfigureAwait(false))
        {
            return ApiProblems.Forbidden(culture);
        }

        http.Response.Headers.ETag = ETag(call.Revision);
        return TypedResults.Ok(View(call));
    }

    private static async Task<IResult> Create(HttpContext http, CatalogEditor editor, IOptions<PortalOptions> options)
    {
        var culture = ApiProblems.Culture(http);
        var json = await ReadJsonAsync(http, options.Value).ConfigureAwait(false);
        if (json is null)
        {
            return ApiProblems.Field("$", $"El cuerpo supera {options.Value.MaxMatchBodyBytes * 4} bytes o no es JSON.", $"The body is larger than {options.Value.MaxMatchBodyBytes * 4} bytes or is not JSON.", culture);
        }

        var result = await editor.CreateAsync(http.User, json, http.RequestAborted).ConfigureAwait(false);
        return result.Outcome == CallEditOutcome.Ok
            ? Created(http, result.Call!)
            : Fail(result, culture, "Ya existe una convocatoria con ese id.", "A call with that id already exists.");
    }

    private static async Task<IResult> Import(HttpContext http, CatalogEditor editor, IOptions<PortalOptions> options, string? publish = null)
    {
        var culture = ApiProblems.Culture(http);
        var limits = options.Value;
        if (publish is { Length: > 0 } && !bool.TryParse(publish, out _))
        {
            return ApiProblems.Field("publish", "Debe ser true o false.", "Must be true or false.", culture);
        }

        var body = await RequestBody.ReadAsync(http.Request, limits.MaxBatchBodyBytes, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return ApiProblems.Field("$", $"El cuerpo supera {limits.MaxBatchBodyBytes} bytes.", $"The body is larger than {limits.MaxBatchBodyBytes} bytes.", culture);
        }

        var result = await editor.ImportAsync(http.User, body, publish is { Length: > 0 } && bool.Parse(publish), limits.MaxBatchSize, http.RequestAborted).ConfigureAwait(false);
        return result.Outcome switch
        {
            ImportOutcome.Ok => TypedResults.Created("/api/v1/calls", new CallImportResult(result.Ids.Count, result.Ids, result.CatalogVersion)),
            ImportOutcome.Invalid => ApiProblems.Invalid(result.Errors, culture, byLine: result.ByLine),
            ImportOutcome.Forbidden => TypedResults.Problem(
                title: ApiProblems.Text(culture, "Acceso denegado", "Forbidden"),
                detail: ApiProblems.Text(culture, $"No puede importar convocatorias de otro proveedor ({result.Ids[0]}); no se guardó nada.", $"You may not import calls of another provider ({result.Ids[0]}); nothing was saved."),
                statusCode: StatusCodes.Status403Forbidden),
            _ => TypedResults.Problem(
                title: ApiProblems.Text(culture, "Conflicto de edición", "Edit conflict"),
                detail: result.Ids.Count > 0
                    ? ApiProblems.Text(culture, "Estas convocatorias ya existen; edítelas una por una. No se guardó nada.", "These calls already exist; edit them one by one. Nothing was saved.")
                    : ApiProblems.Text(culture, "El catálogo cambió durante la importación; no se guardó nada. Vuelva a enviarla.", "The catalog changed during the import; nothing was saved. Send it again."),
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["ids"] = result.Ids }),
        };
    }

    private static async Task<IResult> Update(HttpContext http, string id, CatalogEditor editor, IOptions<PortalOptions> options)
    {
        var culture = ApiProblems.Culture(http);
        if (!TryRevision(http, out var revision))
        {
            return MissingIfMatch(culture);
        }

        var json = await ReadJsonAsync(http, options.Value).ConfigureAwait(false);
        if (json is null)
        {
            return ApiProblems.Field("$", "El cuerpo es demasiado grande o no es JSON.", "The body is too large or is not JSON.", culture);
        }

        var result = await editor.UpdateDraftAsync(http.User, id, revision, json, http.RequestAborted).ConfigureAwait(false);
        return result.Outcome == CallEditOutcome.Ok ? Ok(http, result) : Fail(result, culture);
    }

    private static async Task<IResult> Publish(HttpContext http, string id, CatalogEditor editor)
    {
        var culture = ApiProblems.Culture(http);
        if (!TryRevision(http, out var revision))
        {
            return MissingIfMatch(culture);
        }

        var result = await editor.PublishAsync(http.User, id, revision, http.RequestAborted).ConfigureAwait(false);
        return result.Outcome == CallEditOutcome.Ok ? Ok(http, result) : Fail(result, culture);
    }

    private static async Task<IResult> Archive(HttpContext http, string id, CatalogEditor editor)
    {
        var culture = ApiProblems.Culture(http);
        if (!TryRevision(http, out var revision))
        {
            return MissingIfMatch(culture);
        }

        var result = await editor.ArchiveAsync(http.User, id, revision, http.RequestAborted).ConfigureAwait(false);
        return result.Outcome == CallEditOutcome.Ok ? Ok(http, result) : Fail(result, culture);
    }

    private static async Task<IResult> Revisions(HttpContext http, string id, IDbContextFactory<MatcherDbContext> databases)
    {
        var culture = ApiProblems.Culture(http);
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, http.RequestAborted).ConfigureAwait(false);
        if (call is null)
        {
            return ApiProblems.NotFound(culture, id);
        }

        if (!await CatalogEditor.MayEditAsync(db, http.User, call.ProviderId, http.RequestAborted).ConfigureAwait(false))
        {
            return ApiProblems.Forbidden(culture);
        }

        var revisions = await db.CallRevisions.AsNoTracking().Where(r => r.CallId == id).OrderByDescending(r => r.Revision)
            .Select(r => new CallRevisionItem(r.Revision, r.Action, r.CreatedBy, r.CreatedAt))
            .ToListAsync(http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(revisions);
    }

    private static IResult Ok(HttpContext http, CallEditResult result)
    {
        http.Response.Headers.ETag = ETag(result.Call!.Revision);
        return TypedResults.Ok(View(result.Call, result.CatalogVersion));
    }

    private static IResult Created(HttpContext http, ScholarshipCall call)
    {
        http.Response.Headers.ETag = ETag(call.Revision);
        return TypedResults.Created($"/api/v1/calls/{call.Id}", View(call));
    }

    private static IResult Fail(CallEditResult result, CultureInfo culture, string? conflictEs = null, string? conflictEn = null) => result.Outcome switch
    {
        CallEditOutcome.Invalid => ApiProblems.Invalid(result.Errors!, culture),
        CallEditOutcome.NotFound => ApiProblems.NotFound(culture, "call"),
        CallEditOutcome.Forbidden => ApiProblems.Forbidden(culture),
        _ => ApiProblems.Conflict(
            conflictEs ?? $"La convocatoria cambió mientras la editaba (revisión actual {result.Call!.Revision}). Recárguela y vuelva a aplicar sus cambios.",
            conflictEn ?? $"The call changed while you were editing it (current revision {result.Call!.Revision}). Reload it and apply your changes again.",
            culture,
            result.Call!.Revision),
    };

    private static IResult MissingIfMatch(CultureInfo culture) =>
        ApiProblems.Field("If-Match", "Envíe la revisión en la que se basa el cambio, p. ej. If-Match: \"3\".", "Send the revision the change is based on, e.g. If-Match: \"3\".", culture);

    private static bool TryRevision(HttpContext http, out int revision)
    {
        revision = 0;
        var header = http.Request.Headers.IfMatch.ToString().Trim();
        if (header.StartsWith("W/", StringComparison.Ordinal))
        {
            header = header[2..];
        }

        return int.TryParse(header.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out revision);
    }

    private static string ETag(int revision) => new EntityTagHeaderValue($"\"{revision.ToString(CultureInfo.InvariantCulture)}\"").ToString();

    private static async Task<string?> ReadJsonAsync(HttpContext http, PortalOptions options)
    {
        if (!RequestBody.IsJson(http.Request))
        {
            return null;
        }

        var body = await RequestBody.ReadAsync(http.Request, options.MaxMatchBodyBytes * 4, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static CallView View(ScholarshipCall call, string? catalogVersion = null) => new(
        call.Id,
        call.Provider?.Name,
        call.Status.ToString().ToLowerInvariant(),
        call.Revision,
        call.PublishedRevision,
        JsonDocument.Parse(call.DraftJson).RootElement.Clone(),
        call.PublishedJson is null ? null : JsonDocument.Parse(call.PublishedJson).RootElement.Clone(),
        call.UpdatedBy,
        call.UpdatedAt,
        catalogVersion);
}

/// <summary>The answer of an import: how many calls, their ids, and the catalog version when they were published.</summary>
public sealed record CallImportResult(int Imported, IReadOnlyList<string> Ids, string? CatalogVersion);

/// <summary>A call in the editing list.</summary>
public sealed record CallListItem(string Id, string Provider, string Status, int Revision, int? PublishedRevision, string UpdatedBy);

/// <summary>A call with its draft and published versions.</summary>
public sealed record CallView(string Id, string? Provider, string Status, int Revision, int? PublishedRevision, JsonElement Draft, JsonElement? Published, string UpdatedBy, DateTimeOffset UpdatedAt, string? CatalogVersion);

/// <summary>One revision in a call's history.</summary>
public sealed record CallRevisionItem(int Revision, string Action, string CreatedBy, DateTimeOffset CreatedAt);
