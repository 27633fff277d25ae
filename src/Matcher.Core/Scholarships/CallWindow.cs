namespace Matcher.Scholarships;

/// <summary>When a call takes applications, and the date ages are computed at.</summary>
/// <param name="Opens">First day to apply, when known.</param>
/// <param name="Closes">Last day to apply, when known.</param>
/// <param name="AgeReferenceDate">Date ages are computed at (for example the publication of the Bases), when stated.</param>
public sealed record CallWindow(DateOnly? Opens, DateOnly? Closes, DateOnly? AgeReferenceDate)
{
    /// <summary>A window with nothing known.</summary>
    public static CallWindow Unknown { get; } = new(null, null, null);

    /// <summary>The call's status on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>Upcoming before <see cref="Opens"/>, closed after <see cref="Closes"/>, open in between; unknown when
    /// the closing date is not known and the call is not upcoming.</returns>
    public CallStatus StatusOn(DateOnly date)
    {
        if (date < Opens)
        {
            return CallStatus.Upcoming;
        }

        if (Closes is not { } closes)
        {
            return CallStatus.Unknown;
        }

        return date > closes ? CallStatus.Closed : CallStatus.Open;
    }
}
