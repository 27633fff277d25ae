using Microsoft.Extensions.DependencyInjection;

namespace Matcher;

/// <summary>Configures the matching pipeline registered by <c>AddScholarshipMatcher</c>; add-on packages extend it.</summary>
public interface IMatcherBuilder
{
    /// <summary>The service collection.</summary>
    IServiceCollection Services { get; }
}
