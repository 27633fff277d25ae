using Matcher.Scholarships;

namespace Matcher.Matching;

/// <summary>The call's window and status on the report's date.</summary>
/// <param name="Status">Open, upcoming, closed, or unknown when the closing date is not known.</param>
/// <param name="Opens">First day to apply.</param>
/// <param name="Closes">Last day to apply.</param>
public sealed record CallInfo(CallStatus Status, DateOnly? Opens, DateOnly? Closes);
