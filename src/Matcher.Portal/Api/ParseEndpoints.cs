using System.Text.Json;
using Matcher.Parsing;
using Matcher.Portal.Options;
using Matcher.Portal.Security;
using Microsoft.Extensions.Options;

namespace Matcher.Portal.Api;

/// <summary>
/// Text → structured drafts through the configured parsers (offline rules by default, GPT when an OpenAI key is set):
/// a call's text for providers, a student's self-description for anyone (rate-limited, stores nothing).
/// </summary>
internal static class ParseEndpoints
{
    public static RouteGroupBuilder MapParseEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/calls/parse", ParseCall).WithTags("Catalog editing").RequireAuthorization(PortalPolicies.CatalogWrite)
            .WithName("ParseCall").WithSummary("A call's text → a draft scholarship with each fact's quote, and the issues to review; nothing is stored.")
            .Accepts<ParseInput>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status502BadGateway);
        api.MapPost("/students/parse", ParseStudent).WithTags("Match").AllowAnonymous().RequireRateLimiting(MatchEndpoints.AnonymousRateLimit)
            .WithName("ParseStudent").WithSummary("A student's own words → a draft profile (CONTRACT §1) and the issues; nothing is stored.")
            .Accepts<ParseInput>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status502BadGateway);
        return api;
    }

    private static async Task<IResult> ParseCall(HttpContext http, IScholarshipCallParser parser, IOptions<PortalOptions> options)
    {
        var culture = ApiProblems.Culture(http);
        var (text, problem) = await ReadAsync(http, options.Value).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            var result = await parser.ParseAsync(text!, http.RequestAborted).ConfigureAwait(false);
            return TypedResults.Text(ParseResultJson.Serialize(result, culture, indented: false), "application/json; charset=utf-8");
        }
        catch (TextParseException ex)
        {
            return Failed(ex, culture);
        }
    }

    private static async Task<IResult> ParseStudent(HttpContext http, IStudentProfileParser parser, IOptions<PortalOptions> options)
    {
        var culture = ApiProblems.Culture(http);
        var (text, problem) = await ReadAsync(http, options.Value).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            var result = await parser.ParseAsync(text!, "draft", http.RequestAborted).ConfigureAwait(false);
            return TypedResults.Text(ParseResultJson.Serialize(result, culture, indented: false), "application/json; charset=utf-8");
        }
        catch (TextParseException ex)
        {
            return Failed(ex, culture);
        }
    }

    private static async Task<(string? Text, IResult? Problem)> ReadAsync(HttpContext http, PortalOptions options)
    {
        var culture = ApiProblems.Culture(http);
        var body = RequestBody.IsJson(http.Request) ? await RequestBody.ReadAsync(http.Request, options.MaxMatchBodyBytes * 4, http.RequestAborted).ConfigureAwait(false) : null;
        if (body is null)
        {
            return (null, ApiProblems.Field("$", "Envíe { \"text\": \"…\" } en JSON, de hasta " + (options.MaxMatchBodyBytes * 4) + " bytes.", "Send { \"text\": \"…\" } as JSON, at most " + (options.MaxMatchBodyBytes * 4) + " bytes.", culture));
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || root.EnumerateObject().Any(p => p.Name != "text"))
            {
                return (null, ApiProblems.Field("$", "Solo se acepta el campo text.", "Only the field text is accepted.", culture));
            }

            if (!root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(text.GetString()))
            {
                return (null, ApiProblems.Field("$.text", "Pegue el texto que quiere leer.", "Paste the text to read.", culture));
            }

            return (text.GetString(), null);
        }
        catch (JsonException)
        {
            return (null, ApiProblems.Field("$", "El texto no es JSON válido.", "The text is not valid JSON.", culture));
        }
        catch (InvalidOperationException)
        {
            // A name or the text is not valid UTF-8, or holds an escaped lone surrogate ("\ud800").
            return (null, ApiProblems.Field("$.text", "El texto no es UTF-8 válido o tiene un carácter incompleto.", "The text is not valid UTF-8 or has an incomplete character.", culture));
        }
    }

    private static IResult Failed(TextParseException ex, System.Globalization.CultureInfo culture) => ex.Kind == ParseFailureKind.TooLong
        ? ApiProblems.Field("$.text", "El texto es demasiado largo para leerlo de una vez; divídalo.", "The text is too long to read at once; split it.", culture)
        : TypedResults.Problem(
            statusCode: ex.Kind is ParseFailureKind.RateLimited or ParseFailureKind.Unavailable or ParseFailureKind.Timeout ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status502BadGateway,
            title: ApiProblems.Text(culture, "No se pudo leer el texto", "The text could not be read"),
            detail: ApiProblems.Text(culture, "El servicio de lectura no dio un resultado válido; revise el texto o use el lector sin conexión.", "The reading service gave no valid result; check the text or use the offline reader."),
            extensions: new Dictionary<string, object?> { ["kind"] = ex.Kind.ToString() });
}

/// <summary>Body of the parse endpoints.</summary>
/// <param name="Text">The text to read (a call's bases or press note; a student's own words).</param>
public sealed record ParseInput(string Text);
