using Microsoft.EntityFrameworkCore;

namespace Matcher.Portal.Data;

/// <summary>The database on PostgreSQL, for production; migrations in <c>Data/Migrations/Postgres</c>.</summary>
public sealed class PostgresMatcherDbContext(DbContextOptions<PostgresMatcherDbContext> options) : MatcherDbContext(options);
