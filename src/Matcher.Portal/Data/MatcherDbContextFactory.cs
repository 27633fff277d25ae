using Matcher.Portal.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Matcher.Portal.Data;

/// <summary>
/// Hands out the context of the configured provider (SQLite or PostgreSQL), decided from the validated options when
/// first used, so that the choice follows configuration however late it is set.
/// </summary>
internal sealed class MatcherDbContextFactory(IServiceProvider services, IOptions<PortalOptions> options) : IDbContextFactory<MatcherDbContext>
{
    private readonly Lazy<Func<MatcherDbContext>> _create = new(() => options.Value.UsesPostgres
        ? services.GetRequiredService<IDbContextFactory<PostgresMatcherDbContext>>().CreateDbContext
        : services.GetRequiredService<IDbContextFactory<SqliteMatcherDbContext>>().CreateDbContext);

    public MatcherDbContext CreateDbContext() => _create.Value();
}
