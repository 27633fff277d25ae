namespace Matcher.Eligibility.Criteria;

/// <summary>Which district of the student a UBIGEO criterion reads.</summary>
public enum UbigeoFact
{
    /// <summary>Where the student lives.</summary>
    Residence,

    /// <summary>Where the student's secondary school is.</summary>
    School,
}
