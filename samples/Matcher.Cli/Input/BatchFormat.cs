namespace Matcher.Cli.Input;

/// <summary>Formats of a batch of profiles.</summary>
internal enum BatchFormat
{
    /// <summary>One JSON profile per line.</summary>
    JsonLines,

    /// <summary>CSV with the profile's fields flattened with dots.</summary>
    Csv,
}
