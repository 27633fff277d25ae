using Microsoft.Extensions.Options;

namespace Matcher;

/// <summary>"Today" in the configured time zone (Lima by default), from the injected <see cref="TimeProvider"/>.</summary>
internal sealed class MatcherClock : IMatcherClock
{
    private readonly TimeProvider _time;
    private readonly TimeZoneInfo _zone;

    public MatcherClock(TimeProvider time, IOptions<MatcherOptions> options)
    {
        _time = time;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
    }

    public DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_time.GetUtcNow(), _zone).DateTime);
}
