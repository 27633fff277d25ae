namespace Matcher.Parsing;

/// <summary>What an amount of money in a call text is for.</summary>
public enum AmountPurpose
{
    /// <summary>Not stated, or not one of the others.</summary>
    Other,

    /// <summary>A ceiling on the household's monthly income per person.</summary>
    IncomeCeiling,

    /// <summary>A monthly allowance paid to the scholar.</summary>
    Stipend,

    /// <summary>A one-off grant or prize.</summary>
    Grant,
}
