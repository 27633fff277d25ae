namespace Matcher.OpenAI;

/// <summary>What a model costs, for the cost metric. Prices live in configuration, never in code.</summary>
public sealed class ModelPrice
{
    /// <summary>US dollars per million input (prompt) tokens.</summary>
    public decimal InputPerMillionTokens { get; set; }

    /// <summary>US dollars per million output (completion) tokens.</summary>
    public decimal OutputPerMillionTokens { get; set; }
}
