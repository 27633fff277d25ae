namespace Matcher.Eligibility.Criteria;

/// <summary>Which academic record a rank criterion reads.</summary>
public enum EducationLevel
{
    /// <summary>Secondary school (the last two completed grades).</summary>
    Basic,

    /// <summary>Higher education (the latest completed period).</summary>
    Higher,
}
