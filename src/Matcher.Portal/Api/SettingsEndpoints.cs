using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Matcher.Portal.Catalog;
using Matcher.Portal.Data;
using Matcher.Portal.Data.Entities;
using Matcher.Portal.Options;
using Matcher.Portal.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Matcher.Portal.Api;

/// <summary>Weight sets and ranker models: versioned, one active each; activating one is audited and reaches every replica.</summary>
internal static class SettingsEndpoints
{

    public static RouteGroupBuilder MapSettingsEndpoints(this RouteGroupBuilder api)
    {
        var weights = api.MapGroup("/weights").WithTags("Ranking settings");
        weights.MapGet("/", ListWeights).RequireAuthorization(PortalPolicies.Analytics).WithName("ListWeights").WithSummary("Every weight set, newest first.");
        weights.MapPost("/", CreateWeights).RequireAuthorization(PortalPolicies.Admin).WithName("CreateWeights").WithSummary("Adds a weight set (not active yet).")
            .Accepts<WeightSetInput>("application/json").ProducesValidationProblem();
        weights.MapPost("/{version:int}/activate", ActivateWeights).RequireAuthorization(PortalPolicies.Admin).WithName("ActivateWeights")
            .WithSummary("Makes a weight set the one matching uses (also to roll back).");

        var models = api.MapGroup("/models").WithTags("Ranking settings");
        models.MapGet("/", ListModels).RequireAuthorization(PortalPolicies.Analytics).WithName("ListModels").WithSummary("Every ranker model, newest first (no content).");
        models.MapPost("/", UploadModel).RequireAuthorization(PortalPolicies.Admin).WithName("UploadModel")
            .WithSummary("Uploads a model file as the body (application/octet-stream); ?kind=lightgbm|keras&name=…")
            .Accepts<byte[]>("application/octet-stream").ProducesValidationProblem();
        models.MapPost("/{version:int}/activate", ActivateModel).RequireAuthorization(PortalPolicies.Admin).WithName("ActivateModel")
            .WithSummary("Makes a model the active ranker (also to roll back).");
        models.MapPost("/deactivate", DeactivateModels).RequireAuthorization(PortalPolicies.Admin).WithName("DeactivateModels")
            .WithSummary("Returns to the weighted ranker.");
        return api;
    }

    private static async Task<IResult> ListWeights(HttpContext http, IDbContextFactory<MatcherDbContext> databases)
    {
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        var sets = await db.WeightSets.AsNoTracking().OrderByDescending(w => w.Version)
            .Select(w => new WeightSetItem(w.Version, w.Name, w.Need, w.Merit, w.Fit, w.Value, w.Urgency, w.Priority, w.IsActive, w.CreatedBy, w.CreatedAt))
            .ToListAsync(http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(sets);
    }

    private static async Task<IResult> CreateWeights(HttpContext http, IDbContextFactory<MatcherDbContext> databases, TimeProvider time)
    {
        var culture = ApiProblems.Culture(http);
        var (input, problem) = await JsonBody.ReadAsync<WeightSetInput>(http).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (input is null || string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 200)
        {
            return ApiProblems.Field("$.name", "Dé un nombre de hasta 200 caracteres.", "Give a name of at most 200 characters.", culture);
        }

        double[] values = [input.Need, input.Merit, input.Fit, input.Value, input.Urgency, input.Priority];
        string[] names = ["need", "merit", "fit", "value", "urgency", "priority"];
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]) || values[i] is < 0 or > 100)
            {
                errors["$." + names[i]] = [ApiProblems.Text(culture, "Debe estar entre 0 y 100.", "Must be between 0 and 100.")];
            }
        }

        if (errors.Count == 0 && values.All(v => v <= 0))
        {
            errors["$"] = [ApiProblems.Text(culture, "Al menos un peso debe ser positivo.", "At least one weight must be positive.")];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        var version = (await db.WeightSets.MaxAsync(w => (int?)w.Version, http.RequestAborted).ConfigureAwait(false) ?? 0) + 1;
        var actor = CurrentActor.Name(http.User);
        db.WeightSets.Add(new WeightSet
        {
            Version = version, Name = input.Name, Need = input.Need, Merit = input.Merit, Fit = input.Fit, Value = input.Value,
            Urgency = input.Urgency, Priority = input.Priority, CreatedBy = actor, CreatedAt = time.GetUtcNow(),
        });
        AuditLog.Add(db, time, actor, "weights.create", "weights", version.ToString(CultureInfo.InvariantCulture));
        try
        {
            await db.SaveChangesAsync(http.RequestAborted).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            return ApiProblems.Conflict("Otro administrador creó una versión al mismo tiempo; intente de nuevo.", "Another admin created a version at the same time; try again.", culture, version - 1);
        }

        return TypedResults.Created($"/api/v1/weights/{version}", new { version });
    }

    private static Task<IResult> ActivateWeights(HttpContext http, int version, IDbContextFactory<MatcherDbContext> databases, CatalogWatcher watcher, TimeProvider time) =>
        ActivateAsync(http, version, databases, db => db.WeightSets, "weights", watcher, time);

    private static async Task<IResult> ListModels(HttpContext http, IDbContextFactory<MatcherDbContext> databases)
    {
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        var models = await db.RankerModels.AsNoTracking().OrderByDescending(m => m.Version)
            .Select(m => new RankerModelItem(m.Version, m.Kind, m.Name, m.Sha256, m.Content.Length, m.IsActive, m.CreatedBy, m.CreatedAt))
            .ToListAsync(http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(models);
    }

    private static async Task<IResult> UploadModel(HttpContext http, ModelUploads uploads, IOptions<PortalOptions> options, string? kind = null, string? name = null)
    {
        var culture = ApiProblems.Culture(http);
        if (ModelUploads.CheckKindAndName(kind, name) is { } refusal)
        {
            return ApiProblems.Field(refusal.Field, refusal.Es, refusal.En, culture);
        }

        var content = await RequestBody.ReadAsync(http.Request, options.Value.MaxModelBytes, http.RequestAborted).ConfigureAwait(false);
        var (version, problem) = await uploads.UploadAsync(kind, name, content, options.Value.MaxModelBytes, CurrentActor.Name(http.User), http.RequestAborted).ConfigureAwait(false);
        return problem is not null
            ? ApiProblems.Field(problem.Field, problem.Es, problem.En, culture)
            : TypedResults.Created($"/api/v1/models/{version}", new { version });
    }

    private static Task<IResult> ActivateModel(HttpContext http, int version, IDbContextFactory<MatcherDbContext> databases, CatalogWatcher watcher, TimeProvider time) =>
        ActivateAsync(http, version, databases, db => db.RankerModels, "model", watcher, time);

    /// <summary>
    /// Makes one version active and every other inactive in one statement (a model's file is never loaded for it), audited
    /// in the same transaction; this replica applies it at once, the others on their next poll.
    /// </summary>
    private static async Task<IResult> ActivateAsync<T>(HttpContext http, int version, IDbContextFactory<MatcherDbContext> databases, Func<MatcherDbContext, IQueryable<T>> table, string kind, CatalogWatcher watcher, TimeProvider time)
        where T : class, IVersioned
    {
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        if (!await table(db).AnyAsync(x => x.Version == version, http.RequestAborted).ConfigureAwait(false))
        {
            return ApiProblems.NotFound(ApiProblems.Culture(http), $"{kind} {version}");
        }

        await using (var tx = await db.Database.BeginTransactionAsync(http.RequestAborted).ConfigureAwait(false))
        {
            await table(db).ExecuteUpdateAsync(s => s.SetProperty(x => x.IsActive, x => x.Version == version), http.RequestAborted).ConfigureAwait(false);
            AuditLog.Add(db, time, CurrentActor.Name(http.User), $"{kind}.activate", kind, version.ToString(CultureInfo.InvariantCulture));
            await db.SaveChangesAsync(http.RequestAborted).ConfigureAwait(false);
            await tx.CommitAsync(http.RequestAborted).ConfigureAwait(false);
        }

        await watcher.CheckAsync(http.RequestAborted).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> DeactivateModels(HttpContext http, IDbContextFactory<MatcherDbContext> databases, CatalogWatcher watcher, TimeProvider time)
    {
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        await db.RankerModels.Where(m => m.IsActive).ExecuteUpdateAsync(s => s.SetProperty(m => m.IsActive, false), http.RequestAborted).ConfigureAwait(false);
        AuditLog.Add(db, time, CurrentActor.Name(http.User), "model.deactivate", "model", "*");
        await db.SaveChangesAsync(http.RequestAborted).ConfigureAwait(false);
        await watcher.CheckAsync(http.RequestAborted).ConfigureAwait(false);
        return TypedResults.NoContent();
    }
}

/// <summary>Body of <c>POST /api/v1/weights</c>.</summary>
public sealed record WeightSetInput(string Name, double Need, double Merit, double Fit, double Value, double Urgency, double Priority);

/// <summary>A stored weight set.</summary>
public sealed record WeightSetItem(int Version, string Name, double Need, double Merit, double Fit, double Value, double Urgency, double Priority, bool IsActive, string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>A stored ranker model, without its content.</summary>
public sealed record RankerModelItem(int Version, string Kind, string Name, string Sha256, int Bytes, bool IsActive, string CreatedBy, DateTimeOffset CreatedAt);
