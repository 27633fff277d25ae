namespace Matcher;

/// <summary>"Today" for the matcher: the current date in the configured time zone (Lima by default).</summary>
/// <remarks>Backed by the injected <see cref="TimeProvider"/>, so tests control it. Thread-safe.</remarks>
public interface IMatcherClock
{
    /// <summary>The current date in the configured time zone.</summary>
    /// <returns>Today.</returns>
    DateOnly Today();
}
