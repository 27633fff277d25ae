using Microsoft.Extensions.Options;

namespace Matcher.Portal.Options;

/// <summary>The DataAnnotations rules of <see cref="PortalOptions"/>, source-generated.</summary>
[OptionsValidator]
internal sealed partial class PortalOptionsValidator : IValidateOptions<PortalOptions>;

/// <summary>Rules that span fields: the connection string must name a provider the host knows.</summary>
internal sealed class PortalOptionsCrossFieldValidator : IValidateOptions<PortalOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalOptions options)
    {
        if (options.Database is { } db
            && !db.TrimStart().StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase)
            && !db.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase))
        {
            // Never echo the connection string: it may hold a password.
            return ValidateOptionsResult.Fail("MATCHER_DB / Portal:Database: must start with 'Data Source=' (SQLite) or 'Host=' (PostgreSQL).");
        }

        return options.AdminPassword is { Length: > 0 and < 12 }
            ? ValidateOptionsResult.Fail("MATCHER_ADMIN_PASSWORD / Portal:AdminPassword: must have at least 12 characters.")
            : ValidateOptionsResult.Success;
    }
}
