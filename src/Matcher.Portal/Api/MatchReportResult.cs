using Matcher.Matching;
using Matcher.Serialization;

namespace Matcher.Portal.Api;

/// <summary>Writes a match report exactly as CONTRACT §2 defines it (the core's writer, not a DTO copy).</summary>
internal sealed class MatchReportResult(MatchReport report) : IResult
{
    public MatchReport Report { get; } = report;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var bytes = MatchReportJson.SerializeLine(Report);
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        httpContext.Response.ContentLength = bytes.Length;
        return httpContext.Response.Body.WriteAsync(bytes, httpContext.RequestAborted).AsTask();
    }
}
