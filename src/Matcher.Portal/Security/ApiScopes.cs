namespace Matcher.Portal.Security;

/// <summary>Scopes an API key may carry.</summary>
public static class ApiScopes
{
    /// <summary>Claim type that carries a scope.</summary>
    public const string ClaimType = "scope";

    /// <summary>Batch matching.</summary>
    public const string MatchBatch = "match:batch";

    /// <summary>Create, edit, publish and archive calls.</summary>
    public const string CatalogWrite = "catalog:write";

    /// <summary>Register, read and delete the key's own students.</summary>
    public const string Students = "students:write";

    /// <summary>Record outcomes of the key's own students.</summary>
    public const string OutcomesWrite = "outcomes:write";

    /// <summary>Read recorded outcomes (for training rankers).</summary>
    public const string OutcomesRead = "outcomes:read";

    /// <summary>Every scope.</summary>
    public static IReadOnlyList<string> All { get; } = [MatchBatch, CatalogWrite, Students, OutcomesWrite, OutcomesRead];
}
