namespace Matcher.Ingestion.Changes;

/// <summary>How a field differs between the published call and a draft.</summary>
public enum FieldChangeKind
{
    /// <summary>The draft has the field; the published call does not.</summary>
    Added,

    /// <summary>The published call has the field; the draft does not.</summary>
    Removed,

    /// <summary>Both have it, with different values.</summary>
    Changed,
}
