using Microsoft.Extensions.DependencyInjection;

namespace Matcher;

internal sealed class MatcherBuilder(IServiceCollection services) : IMatcherBuilder
{
    public IServiceCollection Services { get; } = services;
}
