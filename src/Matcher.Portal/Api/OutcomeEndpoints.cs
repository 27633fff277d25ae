using System.Globalization;
using System.Text.Json;
using Matcher.Portal.Data;
using Matcher.Portal.Data.Entities;
using Matcher.Portal.Security;
using Matcher.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Portal.Api;

/// <summary>Outcomes of applications (applied, shortlisted, awarded, rejected): recorded by counselors, read by analysts.</summary>
internal static class OutcomeEndpoints
{
    public static RouteGroupBuilder MapOutcomeEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/outcomes").WithTags("Outcomes");
        group.MapPost("/", Record).RequireAuthorization(PortalPolicies.OutcomesWrite)
            .WithName("RecordOutcome").WithSummary("Records an outcome for one of the caller's students.")
            .Accepts<OutcomeInput>("application/json").ProducesValidationProblem();
        group.MapGet("/", List).RequireAuthorization(PortalPolicies.Analytics)
            .WithName("ListOutcomes").WithSummary("Recorded outcomes (student ids, not their data), oldest first, paged by id.");
        group.MapGet("/export", Export).RequireAuthorization(PortalPolicies.Analytics)
            .WithName("ExportOutcomes").WithSummary("Every recorded outcome as the outcomes CSV of docs/outcomes.md (profile columns included, student ids pseudonymous), for training and evaluating rankers.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return api;
    }

    private static async Task<IResult> Record(HttpContext http, IDbContextFactory<MatcherDbContext> databases, Matcher.Catalog.ICatalogProvider catalog, TimeProvider time)
    {
        var culture = ApiProblems.Culture(http);
        var (input, problem) = await JsonBody.ReadAsync<OutcomeInput>(http).ConfigureAwait(false);
        if (input is null)
        {
            return problem!;
        }

        if (!EnumText.TryParse<OutcomeStatus>(input.Outcome, out var status))
        {
            return ApiProblems.Field("$.outcome", "Valores: applied, shortlisted, awarded, rejected.", "Values: applied, shortlisted, awarded, rejected.", culture);
        }

        if (!DateOnly.TryParseExact(input.RecordedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
        {
            return ApiProblems.Field("$.recordedOn", "Use una fecha AAAA-MM-DD.", "Use a date YYYY-MM-DD.", culture);
        }

        if (input.ScholarshipId is null || catalog.Current.Find(input.ScholarshipId) is null)
        {
            return ApiProblems.Field("$.scholarshipId", "No existe en el catálogo.", "Not in the catalog.", culture);
        }

        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        var consent = await StudentEndpoints.Owned(db, http).Where(s => s.Id == input.StudentId)
            .Select(s => new { s.ConsentWithdrawnAt }).SingleOrDefaultAsync(http.RequestAborted).ConfigureAwait(false);
        if (consent is null)
        {
            return ApiProblems.Field("$.studentId", "No es uno de sus estudiantes.", "Not one of your students.", culture);
        }

        if (consent.ConsentWithdrawnAt is not null)
        {
            return StudentEndpoints.ConsentWithdrawn(culture);
        }

        var outcome = new Outcome
        {
            StudentId = input.StudentId,
            ScholarshipId = input.ScholarshipId,
            Status = status,
            RecordedOn = on,
            RecordedBy = CurrentActor.Name(http.User),
            CreatedAt = time.GetUtcNow(),
        };
        db.Outcomes.Add(outcome);
        AuditLog.Add(db, time, outcome.RecordedBy, "outcome.record", "student", input.StudentId.ToString(), $"{input.ScholarshipId} {input.Outcome}");
        await db.SaveChangesAsync(http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/outcomes/{outcome.Id}", new OutcomeItem(outcome.Id, outcome.StudentId, outcome.ScholarshipId, EnumText.Of(outcome.Status), outcome.RecordedOn));
    }

    private static async Task<IResult> Export(HttpContext http, IDbContextFactory<MatcherDbContext> databases, Students.StudentVault vault, TimeProvider time)
    {
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        var records = await Services.RecordedOutcomes.LoadAsync(db, vault, http.RequestAborted).ConfigureAwait(false);
        AuditLog.Add(db, time, CurrentActor.Name(http.User), "outcomes.export", "outcomes", "*", $"{records.Count} rows");
        await db.SaveChangesAsync(http.RequestAborted).ConfigureAwait(false);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Matcher.MLNet.Outcomes.OutcomesCsv.Write(text, records);
        http.Response.Headers.ContentDisposition = "attachment; filename=\"outcomes.csv\"";
        return TypedResults.Text(text.ToString(), "text/csv; charset=utf-8");
    }

    private static async Task<IResult> List(HttpContext http, IDbContextFactory<MatcherDbContext> databases, string? after = null, string? limit = null)
    {
        if (!QueryNumber.TryRead(after, out var afterId))
        {
            return ApiProblems.Field("after", "Debe ser un número entero.", "Must be a whole number.", ApiProblems.Culture(http));
        }

        if (!QueryNumber.TryRead(limit, out var limitValue))
        {
            return ApiProblems.Field("limit", "Debe ser un número entero.", "Must be a whole number.", ApiProblems.Culture(http));
        }

        var take = (int)Math.Clamp(limitValue ?? 1000, 1, 10_000);
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        var withdrawn = db.Students.Where(s => s.ConsentWithdrawnAt != null).Select(s => s.Id);
        var rows = await db.Outcomes.AsNoTracking().Where(o => afterId == null || o.Id > afterId).Where(o => !withdrawn.Contains(o.StudentId)).OrderBy(o => o.Id).Take(take)
            .ToListAsync(http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(rows.Select(o => new OutcomeItem(o.Id, o.StudentId, o.ScholarshipId, EnumText.Of(o.Status), o.RecordedOn)).ToList());
    }
}

/// <summary>Body of <c>POST /api/v1/outcomes</c>.</summary>
/// <param name="StudentId">A registered student of the caller.</param>
/// <param name="ScholarshipId">A catalog id.</param>
/// <param name="Outcome">applied, shortlisted, awarded or rejected.</param>
/// <param name="RecordedOn">The day it happened (YYYY-MM-DD).</param>
public sealed record OutcomeInput(Guid StudentId, string? ScholarshipId, string? Outcome, string? RecordedOn);

/// <summary>A recorded outcome.</summary>
/// <param name="Id">Row id.</param>
/// <param name="StudentId">The student.</param>
/// <param name="ScholarshipId">The scholarship.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="RecordedOn">The day.</param>
public sealed record OutcomeItem(long Id, Guid StudentId, string ScholarshipId, string Outcome, DateOnly RecordedOn);
