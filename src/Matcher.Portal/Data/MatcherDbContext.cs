using Matcher.Portal.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Portal.Data;

/// <summary>
/// The host's database: catalog, students, runs, outcomes, weights, models, users, API keys, audit log and the Data
/// Protection key ring. Each provider has its own derived context so that each keeps its own migrations.
/// </summary>
public abstract class MatcherDbContext(DbContextOptions options) : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<Provider> Providers => Set<Provider>();

    public DbSet<ScholarshipProgram> Programs => Set<ScholarshipProgram>();

    public DbSet<ScholarshipCall> Calls => Set<ScholarshipCall>();

    public DbSet<ScholarshipCallRevision> CallRevisions => Set<ScholarshipCallRevision>();

    public DbSet<CatalogState> CatalogStates => Set<CatalogState>();

    public DbSet<Student> Students => Set<Student>();

    public DbSet<MatchRun> MatchRuns => Set<MatchRun>();

    public DbSet<MatchResult> MatchResults => Set<MatchResult>();

    public DbSet<Outcome> Outcomes => Set<Outcome>();

    public DbSet<WeightSet> WeightSets => Set<WeightSet>();

    public DbSet<RankerModel> RankerModels => Set<RankerModel>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<PortalSecret> Secrets => Set<PortalSecret>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<CatalogSource> Sources => Set<CatalogSource>();

    public DbSet<SourceCheck> SourceChecks => Set<SourceCheck>();

    public DbSet<CallReview> Reviews => Set<CallReview>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Provider>(e =>
        {
            e.Property(p => p.Name).HasMaxLength(200);
            e.HasIndex(p => p.Name).IsUnique();
        });
        builder.Entity<ScholarshipProgram>(e =>
        {
            e.Property(p => p.Code).HasMaxLength(100);
            e.HasIndex(p => new { p.ProviderId, p.Code }).IsUnique();
        });
        builder.Entity<ScholarshipCall>(e =>
        {
            e.Property(c => c.Id).HasMaxLength(128);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.Revision).IsConcurrencyToken();
            e.Property(c => c.CreatedBy).HasMaxLength(256);
            e.Property(c => c.UpdatedBy).HasMaxLength(256);
            e.HasIndex(c => c.Status);
        });
        builder.Entity<ScholarshipCallRevision>(e =>
        {
            e.Property(r => r.CallId).HasMaxLength(128);
            e.Property(r => r.Action).HasMaxLength(32);
            e.Property(r => r.CreatedBy).HasMaxLength(256);
            e.HasIndex(r => new { r.CallId, r.Revision }).IsUnique();
        });
        builder.Entity<CatalogState>(e =>
        {
            e.Property(s => s.BaseVersion).HasMaxLength(64);
            e.Property(s => s.Revision).IsConcurrencyToken();
            e.Ignore(s => s.Label);
        });
        builder.Entity<Student>(e =>
        {
            e.Property(s => s.ExternalId).HasMaxLength(128);
            e.Property(s => s.OwnerId).HasMaxLength(450);
            e.Property(s => s.DniHash).HasMaxLength(64);
            e.Property(s => s.ConsentRecordedBy).HasMaxLength(256);
            e.Property(s => s.ConsentTextVersion).HasMaxLength(32);
            e.Property(s => s.Revision).IsConcurrencyToken();
            e.HasIndex(s => s.UpdatedAt);
            e.HasIndex(s => s.OwnerId);
            e.HasIndex(s => s.DniHash);
            e.Property(s => s.AccessCodeHash).HasMaxLength(64);
            e.HasIndex(s => s.AccessCodeHash).IsUnique();
        });
        builder.Entity<MatchRun>(e =>
        {
            e.Property(r => r.CreatedBy).HasMaxLength(256);
            e.Property(r => r.CatalogVersion).HasMaxLength(64);
            e.HasIndex(r => r.CreatedAt);
            e.HasMany(r => r.Results).WithOne().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<MatchResult>(e =>
        {
            e.Property(r => r.ScholarshipId).HasMaxLength(128);
            e.Property(r => r.Verdict).HasMaxLength(16);
            e.HasIndex(r => r.StudentId);
            e.HasOne<Student>().WithMany().HasForeignKey(r => r.StudentId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Outcome>(e =>
        {
            e.Property(o => o.ScholarshipId).HasMaxLength(128);
            e.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(o => o.RecordedBy).HasMaxLength(256);
            e.HasIndex(o => o.StudentId);
            e.HasOne<Student>().WithMany().HasForeignKey(o => o.StudentId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<WeightSet>(e =>
        {
            e.Property(w => w.Name).HasMaxLength(200);
            e.Property(w => w.CreatedBy).HasMaxLength(256);
            e.HasIndex(w => w.Version).IsUnique();
        });
        builder.Entity<RankerModel>(e =>
        {
            e.Property(m => m.Kind).HasMaxLength(16);
            e.Property(m => m.Name).HasMaxLength(200);
            e.Property(m => m.Sha256).HasMaxLength(64);
            e.Property(m => m.CreatedBy).HasMaxLength(256);
            e.HasIndex(m => m.Version).IsUnique();
        });
        builder.Entity<ApiKey>(e =>
        {
            e.Property(k => k.Name).HasMaxLength(200);
            e.Property(k => k.Prefix).HasMaxLength(16);
            e.Property(k => k.Hash).HasMaxLength(64);
            e.Property(k => k.Scopes).HasMaxLength(500);
            e.Property(k => k.CreatedBy).HasMaxLength(256);
            e.HasIndex(k => k.Hash).IsUnique();
        });
        builder.Entity<AuditEntry>(e =>
        {
            e.Property(a => a.Actor).HasMaxLength(256);
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.EntityType).HasMaxLength(64);
            e.Property(a => a.EntityId).HasMaxLength(256);
            e.Property(a => a.Detail).HasMaxLength(1000);
        });
        builder.Entity<PortalSecret>(e =>
        {
            e.HasKey(s => s.Name);
            e.Property(s => s.Name).HasMaxLength(64);
        });
        builder.Entity<PortalUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
        });
        OnIngestionModelCreating(builder);
    }

    private static void OnIngestionModelCreating(ModelBuilder builder)
    {
        builder.Entity<CatalogSource>(e =>
        {
            e.Property(s => s.CallId).HasMaxLength(128);
            e.Property(s => s.Kind).HasMaxLength(16);
            e.Property(s => s.Url).HasMaxLength(2048);
            e.Property(s => s.ETag).HasMaxLength(512);
            e.Property(s => s.LastContentHash).HasMaxLength(64);
            e.Property(s => s.Status).HasMaxLength(32);
            e.Property(s => s.LastError).HasMaxLength(1000);
            e.Property(s => s.CreatedBy).HasMaxLength(256);
            e.HasIndex(s => s.ProviderId);
        });
        builder.Entity<SourceCheck>(e =>
        {
            e.Property(c => c.TriggeredBy).HasMaxLength(256);
            e.Property(c => c.Outcome).HasMaxLength(32);
            e.Property(c => c.ContentHash).HasMaxLength(64);
            e.Property(c => c.Error).HasMaxLength(1000);
            e.HasIndex(c => c.SourceId);
            e.HasOne<CatalogSource>().WithMany().HasForeignKey(c => c.SourceId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<CallReview>(e =>
        {
            e.Property(r => r.CallId).HasMaxLength(128);
            e.Property(r => r.Status).HasMaxLength(16);
            e.Property(r => r.DecidedBy).HasMaxLength(256);
            e.Property(r => r.Comment).HasMaxLength(1000);
            e.HasIndex(r => new { r.Status, r.ProviderId });
            e.HasIndex(r => r.CallId);
            e.HasOne<CatalogSource>().WithMany().HasForeignKey(r => r.SourceId).OnDelete(DeleteBehavior.SetNull);
        });
    }
}
