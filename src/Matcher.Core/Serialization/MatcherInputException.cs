using System.Globalization;

namespace Matcher.Serialization;

/// <summary>User data was invalid. Carries every problem found, each with its place.</summary>
public sealed class MatcherInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errors">The problems; at least one.</param>
    public MatcherInputException(IReadOnlyList<InputError> errors)
        : base(Summarize(errors))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception with no details.</summary>
    public MatcherInputException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public MatcherInputException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public MatcherInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<InputError> Errors { get; }

    /// <summary>Every problem, one per line, in the given language.</summary>
    /// <param name="culture">Language; Spanish when <see langword="null"/>.</param>
    /// <returns>The text.</returns>
    public string Describe(CultureInfo? culture = null) =>
        Errors.Count == 0 ? Message : string.Join(Environment.NewLine, Errors.Select(e => e.Describe(culture)));

    private static string Summarize(IReadOnlyList<InputError> errors) =>
        errors.Count == 0 ? "Invalid input." : string.Join(Environment.NewLine, errors.Select(e => e.Describe()));
}
