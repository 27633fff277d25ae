using Prometheus;
using System.Text.Json;
using Matcher.Matching;
using Matcher.Portal.Catalog;
using Matcher.Portal.Data;
using Matcher.Portal.Data.Entities;
using Matcher.Portal.Observability;
using Matcher.Portal.Options;
using Matcher.Portal.Security;
using Matcher.Portal.Students;
using Matcher.Serialization;
using Matcher.Students;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Matcher.Portal.Api;

/// <summary>
/// Students registered by counselors (or by API keys with <c>students:write</c>). Each sees only the students they
/// registered; admins see all. Nothing is stored without consent, and a minor's needs a guardian's. Profiles are
/// encrypted at rest; a DNI is only kept as a keyed hash and is never sent in a URL.
/// </summary>
internal static class StudentEndpoints
{
    public static RouteGroupBuilder MapStudentEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/students").WithTags("Students").RequireAuthorization(PortalPolicies.Students);
        group.MapPost("/", Register).WithName("RegisterStudent").WithSummary("Registers a student: { profile, dni?, consent: { given, guardian } }.")
            .Accepts<StudentRegistration>("application/json").ProducesValidationProblem();
        group.MapGet("/", List).WithName("ListStudents").WithSummary("The caller's students (ids only).");
        group.MapGet("/{id:guid}", Get).WithName("GetStudent").WithSummary("One student's profile (CONTRACT §1).").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", Update).WithName("UpdateStudent").WithSummary("Rectifies a student's profile (and DNI): { profile, dni? }.")
            .Accepts<StudentUpdate>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteStudent").WithSummary("Deletes a student with every match result and outcome derived from it.");
        group.MapPost("/{id:guid}/consent/withdraw", WithdrawConsent).WithName("WithdrawStudentConsent")
            .WithSummary("Withdraws consent (opposition): the student is no longer matched, given outcomes or exported for training; access, rectification and deletion stay possible.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/lookup", Lookup).WithName("LookupStudent").WithSummary("Finds the caller's students by DNI (sent in the body, never in the URL).")
            .Accepts<DniLookup>("application/json");
        group.MapPost("/{id:guid}/match", Match).WithName("MatchStudent").WithSummary("Matches a registered student and stores the run.");
        group.MapGet("/{id:guid}/export", Export).WithName("ExportStudent").WithSummary("Everything stored about a student (access right, Ley 29733).");
        return api;
    }

    private static async Task<IResult> Register(HttpContext http, StudentRegistrar registrar, IOptions<PortalOptions> options)
    {
        var culture = ApiProblems.Culture(http);
        var body = RequestBody.IsJson(http.Request) ? await RequestBody.ReadAsync(http.Request, options.Value.MaxMatchBodyBytes, http.RequestAborted).ConfigureAwait(false) : null;
        if (body is null)
        {
            return ApiProblems.Field("$", "Envíe un JSON de hasta " + options.Value.MaxMatchBodyBytes + " bytes.", "Send JSON of at most " + options.Value.MaxMatchBodyBytes + " bytes.", culture);
        }

        var (registration, problem) = StudentRegistrationReader.Read(body, culture);
        if (problem is not null)
        {
            return problem;
        }

        var (profile, dni, consent, guardian, textVersion) = registration!.Value;
        var (student, refusal) = await registrar.RegisterAsync(profile, dni, consent, guardian, textVersion, CurrentActor.Id(http.User), CurrentActor.Name(http.User), accessCodeHash: null, http.RequestAborted).ConfigureAwait(false);
        return refusal is not null
            ? ApiProblems.Field(refusal.Field, refusal.Es, refusal.En, culture)
            : TypedResults.Created($"/api/v1/students/{student!.Id}", new StudentListItem(student.Id, student.ExternalId, student.CreatedAt));
    }

    private static async Task<IResult> List(HttpContext http, IDbContextFactory<MatcherDbContext> databases)
    {
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        var items = await Owned(db, http).OrderBy(s => s.Id)
            .Select(s => new StudentListItem(s.Id, s.ExternalId, s.CreatedAt))
            .ToListAsync(http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(items);
    }

    private static async Task<IResult> Get(HttpContext http, Guid id, StudentVault vault, IDbContextFactory<MatcherDbContext> databases)
    {
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        var student = await Owned(db, http).SingleOrDefaultAsync(s => s.Id == id, http.RequestAborted).ConfigureAwait(false);
        return student is null
            ? ApiProblems.NotFound(ApiProblems.Culture(http), id.ToString())
            : TypedResults.Text(vault.Unprotect(student.ProfileCiphertext), "application/json; charset=utf-8");
    }

    private static async Task<IResult> Delete(HttpContext http, Guid id, IDbContextFactory<MatcherDbContext> databases, TimeProvider time)
    {
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        var student = await Owned(db, http).SingleOrDefaultAsync(s => s.Id == id, http.RequestAborted).ConfigureAwait(false);
        if (student is null)
        {
            return ApiProblems.NotFound(ApiProblems.Culture(http), id.ToString());
        }

        // Results and outcomes go with the student (cascade), in one transaction with the audit row.
        db.Students.Remove(student);
        AuditLog.Add(db, time, CurrentActor.Name(http.User), "student.delete", "student", id.ToString());
        await db.SaveChangesAsync(http.RequestAborted).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> Lookup(HttpContext http, StudentVault vault, IDbContextFactory<MatcherDbContext> databases)
    {
        var culture = ApiProblems.Culture(http);
        var (lookup, _) = await JsonBody.ReadAsync<DniLookup>(http).ConfigureAwait(false);

        if (lookup is null || !StudentVault.IsValidDni(lookup.Dni))
        {
            return ApiProblems.Field("dni", "El DNI tiene 8 dígitos.", "A DNI has 8 digits.", culture);
        }

        var hash = await vault.HashDniAsync(lookup.Dni, http.RequestAborted).ConfigureAwait(false);
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        var items = await Owned(db, http).Where(s => s.DniHash == hash)
            .Select(s => new StudentListItem(s.Id, s.ExternalId, s.CreatedAt))
            .ToListAsync(http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(items);
    }

    private static async Task<IResult> Match(HttpContext http, Guid id, StudentVault vault, ActiveMatcher active, ActiveSettings settings, IDbContextFactory<MatcherDbContext> databases, TimeProvider time)
    {
        var culture = ApiProblems.Culture(http);
        var (request, badField, es, en) = MatchQuery.Read(http.Request, settings);
        if (request is null)
        {
            return ApiProblems.Field(badField!, es!, en!, culture);
        }

        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        var student = await Owned(db, http).SingleOrDefaultAsync(s => s.Id == id, http.RequestAborted).ConfigureAwait(false);
        if (student is null)
        {
            return ApiProblems.NotFound(culture, id.ToString());
        }

        if (student.ConsentWithdrawnAt is not null)
        {
            return ConsentWithdrawn(culture);
        }

        var profile = StudentProfileJson.Parse(vault.Unprotect(student.ProfileCiphertext));
        MatchReport report;
        using (PortalMetrics.Timer("student").NewTimer())
        {
            report = active.Current.Match(profile, request with { IncludeIneligible = true });
        }

        PortalMetrics.Record("student", report);
        var run = new MatchRun
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            CreatedBy = CurrentActor.Name(http.User),
            CreatedAt = time.GetUtcNow(),
            AsOf = report.AsOf,
            CatalogVersion = report.CatalogVersion,
            WeightSetVersion = settings.Current.WeightSetVersion,
            Results = report.Matches.Select(m => new MatchResult
            {
                StudentId = id,
                ScholarshipId = m.ScholarshipId,
                Verdict = EnumText.Of(m.Verdict),
                Rank = m.Rank,
                Score = m.Score,
                Missing = string.Join('|', m.Missing),
            }).ToList(),
        };
        db.MatchRuns.Add(run);
        await db.SaveChangesAsync(http.RequestAborted).ConfigureAwait(false);
        http.Response.Headers["X-Match-Run"] = run.Id.ToString();
        return new MatchReportResult(request.IncludeIneligible ? report : report with { Matches = report.Matches.Where(m => m.Rank is not null).ToList() });
    }

    private static async Task<IResult> Export(HttpContext http, Guid id, StudentVault vault, IDbContextFactory<MatcherDbContext> databases, TimeProvider time)
    {
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        var student = await Owned(db, http).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, http.RequestAborted).ConfigureAwait(false);
        if (student is null)
        {
            return ApiProblems.NotFound(ApiProblems.Culture(http), id.ToString());
        }

        var results = await db.MatchResults.AsNoTracking().Where(r => r.StudentId == id).OrderBy(r => r.Id)
            .Select(r => new { r.RunId, r.ScholarshipId, r.Verdict, r.Rank, r.Score }).ToListAsync(http.RequestAborted).ConfigureAwait(false);
        var outcomes = await db.Outcomes.AsNoTracking().Where(o => o.StudentId == id).OrderBy(o => o.Id)
            .Select(o => new { o.ScholarshipId, Status = o.Status.ToString().ToLowerInvariant(), o.RecordedOn }).ToListAsync(http.RequestAborted).ConfigureAwait(false);
        AuditLog.Add(db, time, CurrentActor.Name(http.User), "student.export", "student", id.ToString());
        await db.SaveChangesAsync(http.RequestAborted).ConfigureAwait(false);
        using var profile = JsonDocument.Parse(vault.Unprotect(student.ProfileCiphertext));
        return TypedResults.Ok(new
        {
            id = student.Id,
            profile = profile.RootElement.Clone(),
            hasDni = student.DniHash is not null,
            consentAt = student.ConsentAt,
            guardianConsent = student.GuardianConsent,
            consentRecordedBy = student.ConsentRecordedBy,
            consentTextVersion = student.ConsentTextVersion,
            consentWithdrawnAt = student.ConsentWithdrawnAt,
            updatedAt = student.UpdatedAt,
            createdAt = student.CreatedAt,
            matchResults = results,
            outcomes,
        });
    }

    private static async Task<IResult> Update(HttpContext http, Guid id, StudentVault vault, StudentRegistrar registrar, IDbContextFactory<MatcherDbContext> databases, TimeProvider time, IOptions<PortalOptions> options)
    {
        var culture = ApiProblems.Culture(http);
        var body = RequestBody.IsJson(http.Request) ? await RequestBody.ReadAsync(http.Request, options.Value.MaxMatchBodyBytes, http.RequestAborted).ConfigureAwait(false) : null;
        if (body is null)
        {
            return ApiProblems.Field("$", "Envíe un JSON de hasta " + options.Value.MaxMatchBodyBytes + " bytes.", "Send JSON of at most " + options.Value.MaxMatchBodyBytes + " bytes.", culture);
        }

        var (update, problem) = StudentRegistrationReader.Read(body, culture, consentRequired: false);
        if (problem is not null)
        {
            return problem;
        }

        var (profile, dni, _, _, _) = update!.Value;
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        var student = await Owned(db, http).SingleOrDefaultAsync(s => s.Id == id, http.RequestAborted).ConfigureAwait(false);
        if (student is null)
        {
            return ApiProblems.NotFound(culture, id.ToString());
        }

        // A rectified birth date that makes the student a minor (or unknown age) needs the guardian's consent on record.
        if (registrar.NeedsGuardian(profile) && !student.GuardianConsent)
        {
            return ApiProblems.Field("profile.birthDate", "Para menores de edad (o si no se sabe la edad) se necesita el consentimiento de madre, padre o apoderado: registre de nuevo con ese consentimiento.", "Minors (or students of unknown age) need a parent's or guardian's consent: register again with it.", culture);
        }

        var now = time.GetUtcNow();
        student.ExternalId = profile.Id;
        student.ProfileCiphertext = vault.Protect(StudentProfileJson.Serialize(profile));
        if (dni is not null)
        {
            student.DniHash = await vault.HashDniAsync(dni, http.RequestAborted).ConfigureAwait(false);
        }

        student.UpdatedAt = now;
        student.Revision++;
        AuditLog.Add(db, time, CurrentActor.Name(http.User), "student.update", "student", id.ToString(), $"revision {student.Revision}");
        try
        {
            await db.SaveChangesAsync(http.RequestAborted).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiProblems.Conflict("Otro usuario cambió este estudiante; vuelva a cargarlo.", "Someone else changed this student; load it again.", culture, student.Revision - 1);
        }

        return TypedResults.Ok(new StudentListItem(student.Id, student.ExternalId, student.CreatedAt));
    }

    private static async Task<IResult> WithdrawConsent(HttpContext http, Guid id, IDbContextFactory<MatcherDbContext> databases, TimeProvider time)
    {
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        var student = await Owned(db, http).SingleOrDefaultAsync(s => s.Id == id, http.RequestAborted).ConfigureAwait(false);
        if (student is null)
        {
            return ApiProblems.NotFound(ApiProblems.Culture(http), id.ToString());
        }

        if (student.ConsentWithdrawnAt is null)
        {
            var now = time.GetUtcNow();
            student.ConsentWithdrawnAt = now;
            student.UpdatedAt = now;
            student.Revision++;
            AuditLog.Add(db, time, CurrentActor.Name(http.User), "student.consent-withdraw", "student", id.ToString());
            await db.SaveChangesAsync(http.RequestAborted).ConfigureAwait(false);
        }

        return TypedResults.NoContent();
    }

    /// <summary>The answer to processing a student whose consent was withdrawn.</summary>
    internal static IResult ConsentWithdrawn(System.Globalization.CultureInfo culture) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: ApiProblems.Text(culture, "Consentimiento retirado", "Consent withdrawn"),
        detail: ApiProblems.Text(culture, "El estudiante retiró su consentimiento: sus datos ya no se procesan. Puede consultarlos, corregirlos o eliminarlos.", "The student withdrew consent: their data is no longer processed. It can still be read, corrected or deleted."));

    /// <summary>The students the caller may see: their own; every registered one for admins. Demo students are nobody's.</summary>
    internal static IQueryable<Student> Owned(MatcherDbContext db, HttpContext http)
    {
        if (CurrentActor.IsAdmin(http.User))
        {
            return db.Students.Where(s => !s.IsDemo);
        }

        var owner = CurrentActor.Id(http.User);
        return db.Students.Where(s => s.OwnerId == owner);
    }
}

/// <summary>Body of <c>POST /api/v1/students</c>.</summary>
/// <param name="Profile">The profile (CONTRACT §1).</param>
/// <param name="Dni">DNI, 8 digits; stored only as a keyed hash.</param>
/// <param name="Consent">Consent to store the data.</param>
public sealed record StudentRegistration(JsonElement Profile, string? Dni, ConsentInfo Consent);

/// <summary>Consent to store a student's data.</summary>
/// <param name="Given">Whether consent was given.</param>
/// <param name="Guardian">Whether a parent or guardian gave it (required for minors).</param>
/// <param name="TextVersion">The version of the consent text shown; when given it must be the host's current one.</param>
public sealed record ConsentInfo(bool Given, bool Guardian, string? TextVersion = null);

/// <summary>Body of <c>PUT /api/v1/students/{id}</c>.</summary>
/// <param name="Profile">The corrected profile (CONTRACT §1).</param>
/// <param name="Dni">The corrected DNI, 8 digits; the stored one is kept when absent.</param>
public sealed record StudentUpdate(JsonElement Profile, string? Dni);

/// <summary>Body of <c>POST /api/v1/students/lookup</c>.</summary>
/// <param name="Dni">The DNI.</param>
public sealed record DniLookup(string Dni);

/// <summary>A registered student in lists: ids only, no personal data.</summary>
/// <param name="Id">Host id.</param>
/// <param name="ExternalId">The profile's own id.</param>
/// <param name="CreatedAt">When registered.</param>
public sealed record StudentListItem(Guid Id, string ExternalId, DateTimeOffset CreatedAt);
