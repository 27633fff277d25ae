using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Matcher.Portal.Data;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteMatcherDbContext</c> build the context without the host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMatcherDbContext>
{
    public SqliteMatcherDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMatcherDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresMatcherDbContext</c> build the context without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMatcherDbContext>
{
    public PostgresMatcherDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresMatcherDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
