using Matcher.Portal.Data.Entities;
using Matcher.Serialization;

namespace Matcher.Portal.Catalog;

/// <summary>What a change to a call came to.</summary>
internal enum CallEditOutcome
{
    Ok,
    NotFound,
    Conflict,
    Invalid,
    Forbidden,
}

/// <summary>The outcome of a change, the call after it, and the validation errors when invalid.</summary>
internal sealed record CallEditResult(CallEditOutcome Outcome, ScholarshipCall? Call = null, IReadOnlyList<InputError>? Errors = null, string? CatalogVersion = null)
{
    public static CallEditResult NotFound { get; } = new(CallEditOutcome.NotFound);

    public static CallEditResult Forbidden { get; } = new(CallEditOutcome.Forbidden);

    public static CallEditResult Conflict(ScholarshipCall current) => new(CallEditOutcome.Conflict, current);

    public static CallEditResult Invalid(IReadOnlyList<InputError> errors) => new(CallEditOutcome.Invalid, Errors: errors);
}
