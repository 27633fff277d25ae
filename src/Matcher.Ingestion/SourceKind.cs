namespace Matcher.Ingestion;

/// <summary>What a source is.</summary>
public enum SourceKind
{
    /// <summary>A web page about one call.</summary>
    Web,

    /// <summary>A JSON or CSV feed (docs/ingestion.md) of a provider's calls.</summary>
    Feed,

    /// <summary>Text a person uploads (for PDFs and pages that cannot be fetched).</summary>
    Manual,
}
