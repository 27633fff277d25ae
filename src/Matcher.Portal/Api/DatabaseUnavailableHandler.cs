using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Portal.Api;

/// <summary>
/// Turns a database that cannot be reached into <c>503</c> problem details, so that writes fail cleanly during an
/// outage while matching keeps answering from the in-memory snapshot. Any other failure stays a generic 500 without
/// details.
/// </summary>
internal sealed partial class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsDatabaseFailure(exception))
        {
            return false;
        }

        LogUnavailable(exception.GetType().Name);
        var culture = ApiProblems.Culture(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "30";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = ApiProblems.Text(culture, "Servicio no disponible", "Service unavailable"),
                Detail = ApiProblems.Text(culture, "La base de datos no responde; intente de nuevo en unos minutos. La búsqueda de becas sigue funcionando.", "The database is not answering; try again in a few minutes. Matching keeps working."),
            },
        }).ConfigureAwait(false);
    }

    private static bool IsDatabaseFailure(Exception exception) => exception switch
    {
        DbException or TimeoutException => true,
        DbUpdateException { InnerException: { } inner } => IsDatabaseFailure(inner),
        InvalidOperationException { InnerException: { } inner } => IsDatabaseFailure(inner),
        _ => false,
    };

    [LoggerMessage(1, LogLevel.Error, "The database could not be reached ({Error}); answered 503.")]
    private partial void LogUnavailable(string error);
}
