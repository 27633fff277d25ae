using System.Text.Json;

namespace Matcher.Portal.Api;

/// <summary>Reads a small JSON body into a DTO; a body that does not fit (bad JSON, wrong type, unknown field) is a 400 naming the path.</summary>
internal static class JsonBody
{
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext http)
        where T : class
    {
        try
        {
            var value = await http.Request.ReadFromJsonAsync<T>(http.RequestAborted).ConfigureAwait(false);
            return value is null
                ? (null, ApiProblems.Field("$", "Falta el cuerpo.", "The body is missing.", ApiProblems.Culture(http)))
                : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, ApiProblems.Field(ex.Path ?? "$", "Valor no válido.", "Invalid value.", ApiProblems.Culture(http)));
        }
        catch (InvalidOperationException)
        {
            // Not JSON at all (another content type).
            return (null, ApiProblems.Field("$", "Envíe JSON (application/json).", "Send JSON (application/json).", ApiProblems.Culture(http)));
        }
    }
}
