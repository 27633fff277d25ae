namespace Matcher.Keras;

/// <summary>A Keras file cannot be loaded: unreadable, unsafe, unsupported, or failing its own test vectors.</summary>
/// <remarks>The message names the file, the Keras version and every offending layer, so one error says all that must change.</remarks>
public sealed class KerasModelException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KerasModelException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public KerasModelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public KerasModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The Keras version recorded in the file, when it was read that far.</summary>
    public string? KerasVersion { get; init; }

    /// <summary>The layers that are not supported ("name (Class)"); empty when that is not the problem.</summary>
    public IReadOnlyList<string> UnsupportedLayers { get; init; } = [];
}
