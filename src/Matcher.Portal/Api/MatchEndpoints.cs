using Prometheus;
using System.Text;
using System.Text.Json;
using Matcher.Matching;
using Matcher.Portal.Catalog;
using Matcher.Portal.Observability;
using Matcher.Portal.Options;
using Matcher.Portal.Security;
using Matcher.Serialization;
using Matcher.Students;
using Microsoft.Extensions.Options;

namespace Matcher.Portal.Api;

/// <summary><c>POST /api/v1/match</c> (anyone, rate-limited, stores nothing) and <c>POST /api/v1/match/batch</c> (JSON Lines out).</summary>
internal static class MatchEndpoints
{
    public const string AnonymousRateLimit = "anonymous-match";

    public static RouteGroupBuilder MapMatchEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/match").WithTags("Match");
        group.MapPost("/", MatchOne)
            .AllowAnonymous()
            .RequireRateLimiting(AnonymousRateLimit)
            .WithName("Match")
            .WithSummary("Matches one student profile (CONTRACT §1) and answers the match report (CONTRACT §2); nothing is stored.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/batch", MatchBatch)
            .RequireAuthorization(PortalPolicies.MatchBatch)
            .WithName("MatchBatch")
            .WithSummary("Matches a JSON array or JSON Lines of profiles; answers one report per line (application/x-ndjson), in input order.")
            .Accepts<JsonElement>("application/json", "application/x-ndjson")
            .Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson")
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> MatchOne(HttpContext http, ActiveMatcher active, ActiveSettings settings, IOptions<PortalOptions> options)
    {
        var culture = ApiProblems.Culture(http);
        var (request, badField, es, en) = MatchQuery.Read(http.Request, settings);
        if (request is null)
        {
            return ApiProblems.Field(badField!, es!, en!, culture);
        }

        if (!RequestBody.IsJson(http.Request))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: ApiProblems.Text(culture, "Envíe JSON (application/json).", "Send JSON (application/json)."));
        }

        var body = await RequestBody.ReadAsync(http.Request, options.Value.MaxMatchBodyBytes, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return ApiProblems.Field("$", $"El cuerpo supera {options.Value.MaxMatchBodyBytes} bytes.", $"The body is larger than {options.Value.MaxMatchBodyBytes} bytes.", culture);
        }

        if (!StudentProfileJson.TryParse(body, out var profile, out var errors))
        {
            return ApiProblems.Invalid(errors, culture);
        }

        MatchReport report;
        using (PortalMetrics.Timer("match").NewTimer())
        {
            report = active.Current.Match(profile, request);
        }

        PortalMetrics.Record("match", report);
        return new MatchReportResult(report);
    }

    private static async Task<IResult> MatchBatch(HttpContext http, ActiveMatcher active, ActiveSettings settings, IOptions<PortalOptions> options)
    {
        var culture = ApiProblems.Culture(http);
        var (request, badField, es, en) = MatchQuery.Read(http.Request, settings);
        if (request is null)
        {
            return ApiProblems.Field(badField!, es!, en!, culture);
        }

        var limits = options.Value;
        var body = await RequestBody.ReadAsync(http.Request, limits.MaxBatchBodyBytes, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return ApiProblems.Field("$", $"El cuerpo supera {limits.MaxBatchBodyBytes} bytes.", $"The body is larger than {limits.MaxBatchBodyBytes} bytes.", culture);
        }

        // Read and validate every profile first: a batch with a bad row answers 400 listing each one, and nothing is
        // half-answered.
        var (profiles, errors, lines) = BatchReader.Read(body, limits.MaxBatchSize);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors, culture, byLine: lines);
        }

        if (profiles.Count == 0)
        {
            return ApiProblems.Field("$", "El lote está vacío.", "The batch is empty.", culture);
        }

        return new BatchResult(active.Current, profiles, request);
    }

    /// <summary>Streams one report per line, flushing as it goes.</summary>
    private sealed class BatchResult(IScholarshipMatcher matcher, IReadOnlyList<StudentProfile> profiles, MatchRequest request) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = "application/x-ndjson; charset=utf-8";
            var body = httpContext.Response.Body;
            var pending = 0;
            await foreach (var line in matcher.MatchManyAsync(Stream(profiles), report =>
            {
                PortalMetrics.Record("batch", report);
                return MatchReportJson.SerializeLine(report);
            }, request, httpContext.RequestAborted).ConfigureAwait(false))
            {
                await body.WriteAsync(line, httpContext.RequestAborted).ConfigureAwait(false);
                pending += line.Length;
                if (pending > 64 * 1024)
                {
                    await body.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
                    pending = 0;
                }
            }
        }

        private static async IAsyncEnumerable<StudentProfile> Stream(IReadOnlyList<StudentProfile> items)
        {
            foreach (var item in items)
            {
                yield return item;
            }

            await Task.CompletedTask.ConfigureAwait(false);
        }
    }
}
