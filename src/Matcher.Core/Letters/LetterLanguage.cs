namespace Matcher.Letters;

/// <summary>The language of a letter to a student.</summary>
public enum LetterLanguage
{
    /// <summary>Plain Spanish.</summary>
    Spanish,

    /// <summary>Southern Quechua.</summary>
    Quechua,
}
