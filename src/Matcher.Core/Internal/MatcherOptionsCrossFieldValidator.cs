using System.Globalization;
using Microsoft.Extensions.Options;

namespace Matcher.Internal;

/// <summary>Rules of <see cref="MatcherOptions"/> that span fields or touch the file system.</summary>
internal sealed class MatcherOptionsCrossFieldValidator : IValidateOptions<MatcherOptions>
{
    public ValidateOptionsResult Validate(string? name, MatcherOptions options)
    {
        var failures = new List<string>();
        var w = options.Weights;
        if (w is not null && w.ToArray().All(x => x <= 0))
        {
            failures.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"Matcher:Weights: every weight is zero (Need={w.Need}, Merit={w.Merit}, Fit={w.Fit}, Value={w.Value}, Urgency={w.Urgency}, Priority={w.Priority}); at least one must be positive."));
        }

        if (options.CatalogDirectory is { } dir && !Directory.Exists(dir))
        {
            failures.Add($"Matcher:CatalogDirectory: the folder '{dir}' does not exist.");
        }

        if (!TryFindTimeZone(options.TimeZone))
        {
            failures.Add($"Matcher:TimeZone: '{options.TimeZone}' is not a known time zone.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool TryFindTimeZone(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
