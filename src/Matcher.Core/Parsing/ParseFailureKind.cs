namespace Matcher.Parsing;

/// <summary>Why a parser produced no draft at all.</summary>
public enum ParseFailureKind
{
    /// <summary>The answer was cut off (for a model: it hit its output-token limit).</summary>
    Truncated,

    /// <summary>The service refused to answer.</summary>
    Refused,

    /// <summary>The answer was not valid JSON.</summary>
    InvalidJson,

    /// <summary>The answer was JSON but did not follow the schema.</summary>
    SchemaViolation,

    /// <summary>The service kept answering "too many requests".</summary>
    RateLimited,

    /// <summary>No answer came within the time allowed.</summary>
    Timeout,

    /// <summary>The service failed or could not be reached.</summary>
    Unavailable,

    /// <summary>The text is too long to parse.</summary>
    TooLong,
}
