using System.Globalization;
using System.Text.RegularExpressions;

namespace Matcher.Portal.Services;

/// <summary>A draft call read from a call's text, with what the reader could not settle.</summary>
/// <param name="Draft">The draft, to review before saving.</param>
/// <param name="Issues">What to check by hand, in the requested language.</param>
public sealed record ParsedCall(CallDraft Draft, IReadOnlyList<string> Issues);

/// <summary>
/// Turns the text of a scholarship call into a draft catalog entry for the "import from text" page. The portal's own
/// offline reader is registered by default; the core's parser (offline or GPT) can be registered in its place.
/// </summary>
public interface IScholarshipCallTextParser
{
    /// <summary>Reads a call's text.</summary>
    /// <param name="text">The call's text as pasted.</param>
    /// <param name="provider">The provider the draft belongs to.</param>
    /// <param name="english">Whether issues are written in English.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<ParsedCall> ParseAsync(string text, string provider, bool english, CancellationToken cancellationToken);
}
