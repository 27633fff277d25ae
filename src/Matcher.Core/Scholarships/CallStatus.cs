namespace Matcher.Scholarships;

/// <summary>Whether a call takes applications on a date.</summary>
public enum CallStatus
{
    /// <summary>Taking applications.</summary>
    Open,

    /// <summary>Not open yet.</summary>
    Upcoming,

    /// <summary>The last day to apply has passed.</summary>
    Closed,

    /// <summary>The catalog does not know the closing date and the call has opened: check with the provider.</summary>
    Unknown,
}
