namespace Matcher.Ingestion.Feeds;

/// <summary>A feed could not be read; every problem is listed, and no row of it is used.</summary>
public sealed class FeedFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FeedFormatException()
        : this([])
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public FeedFormatException(string message)
        : base(message) => Errors = [];

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public FeedFormatException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    /// <summary>Creates the exception.</summary>
    /// <param name="errors">Every problem found.</param>
    public FeedFormatException(IReadOnlyList<FeedError> errors)
        : base(string.Join("; ", errors.Take(5).Select(e => e.Message(System.Globalization.CultureInfo.InvariantCulture))))
    {
        Errors = errors;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<FeedError> Errors { get; }
}
