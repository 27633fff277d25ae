namespace Matcher.Parsing;

/// <summary>Who produced a draft.</summary>
/// <param name="Parser">The parser: <c>offline</c>, <c>openai</c>, or another implementation's name.</param>
/// <param name="Model">The model, for machine-learned parsers.</param>
/// <param name="PromptVersion">Version of the rules or prompt, so that a draft can be traced and re-made.</param>
public sealed record ParseProvenance(string Parser, string? Model, string PromptVersion)
{
    /// <summary>Whether the result was served from a cache rather than made for this call.</summary>
    public bool FromCache { get; init; }
}
