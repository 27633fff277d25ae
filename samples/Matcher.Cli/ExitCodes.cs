namespace Matcher.Cli;

/// <summary>Exit codes of CONTRACT §4.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>Some input rows (or catalog entries) were invalid; valid rows were still processed.</summary>
    public const int InvalidRows = 1;

    /// <summary>Usage error or unreadable input; nothing was written.</summary>
    public const int Usage = 2;
}
