using System.Globalization;
using Matcher.Explanations;
using Matcher.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Matcher.Portal.Api;

/// <summary>RFC 9457 problem details for the API: every bad field by its JSON path, messages in the request's language.</summary>
internal static class ApiProblems
{
    /// <summary>A 400 listing every error by its path; <paramref name="byLine"/> prefixes the line for JSON Lines bodies.</summary>
    public static ValidationProblem Invalid(IEnumerable<InputError> errors, CultureInfo culture, string? pathPrefix = null, bool byLine = false)
    {
        var byPath = errors
            .GroupBy(e => Key(e, pathPrefix, byLine), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message(culture)).ToArray(), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(byPath, title: Text(culture, "Los datos enviados no son válidos.", "The data sent is not valid."), type: "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.1");
    }

    public static ValidationProblem Field(string path, string es, string en, CultureInfo culture) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [path] = [Text(culture, es, en)] },
            title: Text(culture, "Los datos enviados no son válidos.", "The data sent is not valid."),
            type: "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.1");

    public static ProblemHttpResult Conflict(string es, string en, CultureInfo culture, int currentRevision) =>
        TypedResults.Problem(
            title: Text(culture, "Conflicto de edición", "Edit conflict"),
            detail: Text(culture, es, en),
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["currentRevision"] = currentRevision });

    public static ProblemHttpResult Forbidden(CultureInfo culture) =>
        TypedResults.Problem(
            title: Text(culture, "Acceso denegado", "Forbidden"),
            detail: Text(culture, "No tiene permiso para cambiar este recurso.", "You may not change this resource."),
            statusCode: StatusCodes.Status403Forbidden);

    public static ProblemHttpResult NotFound(CultureInfo culture, string what) =>
        TypedResults.Problem(
            title: Text(culture, "No encontrado", "Not found"),
            detail: Text(culture, $"No existe: {what}.", $"Not found: {what}."),
            statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Unavailable(CultureInfo culture) =>
        TypedResults.Problem(
            title: Text(culture, "Servicio no disponible", "Service unavailable"),
            detail: Text(culture, "La base de datos no responde; intente de nuevo en unos minutos.", "The database is not answering; try again in a few minutes."),
            statusCode: StatusCodes.Status503ServiceUnavailable);

    public static string Text(CultureInfo culture, string es, string en) => culture.TwoLetterISOLanguageName == "en" ? en : es;

    /// <summary>The culture of the <c>lang</c> query parameter, else of <c>Accept-Language</c>; Spanish by default.</summary>
    public static CultureInfo Culture(HttpContext context)
    {
        var lang = context.Request.Query["lang"].ToString();
        if (lang.Length == 0)
        {
            var accept = context.Request.GetTypedHeaders().AcceptLanguage;
            lang = accept.OrderByDescending(a => a.Quality ?? 1).Select(a => a.Value.Value).FirstOrDefault(v => v is "es" or "en" || v?.StartsWith("es-", StringComparison.Ordinal) == true || v?.StartsWith("en-", StringComparison.Ordinal) == true) ?? "es";
        }

        return lang.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? MatcherCultures.English : MatcherCultures.Spanish;
    }

    private static string Key(InputError error, string? prefix, bool byLine)
    {
        var path = prefix is null ? error.Path : prefix + error.Path.TrimStart('$');
        return byLine && error.Line is { } line ? $"line {line}: {path}" : path;
    }
}
