using Microsoft.EntityFrameworkCore;

namespace Matcher.Portal.Data;

/// <summary>The database on SQLite, the embedded default; migrations in <c>Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteMatcherDbContext(DbContextOptions<SqliteMatcherDbContext> options) : MatcherDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite has no native DateTimeOffset: store UTC ticks so that values sort and compare correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}
