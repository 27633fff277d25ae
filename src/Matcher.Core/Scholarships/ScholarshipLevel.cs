namespace Matcher.Scholarships;

/// <summary>What a scholarship pays for.</summary>
public enum ScholarshipLevel
{
    /// <summary>A university or institute degree (pregrado).</summary>
    Undergraduate,

    /// <summary>Technical or technical-productive programs.</summary>
    Technical,

    /// <summary>Master's or doctorate.</summary>
    Postgraduate,

    /// <summary>A semester or year of mobility.</summary>
    Exchange,

    /// <summary>Free courses and certificates.</summary>
    ShortCourse,

    /// <summary>Prizes and research grants.</summary>
    Award,
}
