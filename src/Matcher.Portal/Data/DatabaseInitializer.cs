using System.Security.Cryptography;
using System.Text;
using Matcher.Catalog;
using Matcher.Portal.Data.Entities;
using Matcher.Portal.Options;
using Matcher.Portal.Security;
using Matcher.Portal.Students;
using Matcher.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Matcher.Portal.Data;

/// <summary>
/// Runs on every start, before the host answers: applies the migrations, and on the first start seeds the catalog from
/// the built-in one, the default weight set, the demo cohort and the roles, and creates the first admin.
/// </summary>
internal sealed partial class DatabaseInitializer(
    IServiceProvider services,
    IDbContextFactory<MatcherDbContext> databases,
    StudentVault vault,
    IOptions<PortalOptions> portalOptions,
    IOptions<MatcherOptions> matcherOptions,
    TimeProvider time,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using (var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            if (!await db.CatalogStates.AnyAsync(cancellationToken).ConfigureAwait(false))
            {
                await SeedCatalogAsync(db, cancellationToken).ConfigureAwait(false);
            }
        }

        await vault.EnsureKeyAsync(cancellationToken).ConfigureAwait(false);
        await SeedDemoStudentsAsync(cancellationToken).ConfigureAwait(false);
        await using var scope = services.CreateAsyncScope();
        await SeedIdentityAsync(scope.ServiceProvider, cancellationToken).ConfigureAwait(false);
    }

    private async Task SeedCatalogAsync(MatcherDbContext db, CancellationToken cancellationToken)
    {
        var files = CatalogFiles.Embedded();
        var snapshot = CatalogLoader.Load(files);
        var now = time.GetUtcNow();
        var providers = new Dictionary<string, Provider>(StringComparer.Ordinal);
        var programs = new Dictionary<(string, string), ScholarshipProgram>();
        foreach (var file in files.Where(f => f.Name != CatalogLoader.ManifestName))
        {
            var json = Encoding.UTF8.GetString(file.Content.Span);
            var entry = ScholarshipJson.Parse(json, file.Name);
            if (!providers.TryGetValue(entry.Provider, out var provider))
            {
                provider = providers[entry.Provider] = db.Providers.Add(new Provider { Name = entry.Provider }).Entity;
            }

            if (!programs.TryGetValue((entry.Provider, entry.Program), out var program))
            {
                program = programs[(entry.Provider, entry.Program)] = db.Programs.Add(new ScholarshipProgram { Code = entry.Program, Provider = provider }).Entity;
            }

            db.Calls.Add(new ScholarshipCall
            {
                Id = entry.Id,
                Provider = provider,
                Program = program,
                Status = CallStatus.Published,
                DraftJson = json,
                PublishedJson = json,
                Revision = 1,
                PublishedRevision = 1,
                CreatedBy = "system",
                CreatedAt = now,
                UpdatedBy = "system",
                UpdatedAt = now,
            });
            db.CallRevisions.Add(new ScholarshipCallRevision { CallId = entry.Id, Revision = 1, Action = "seeded", Json = json, CreatedBy = "system", CreatedAt = now });
        }

        db.CatalogStates.Add(new CatalogState { Id = 1, BaseVersion = snapshot.Version, Revision = 0, UpdatedAt = now });
        var w = matcherOptions.Value.Weights;
        db.WeightSets.Add(new WeightSet
        {
            Version = 1,
            Name = "Pesos por defecto",
            Need = w.Need,
            Merit = w.Merit,
            Fit = w.Fit,
            Value = w.Value,
            Urgency = w.Urgency,
            Priority = w.Priority,
            IsActive = true,
            CreatedBy = "system",
            CreatedAt = now,
        });
        AuditLog.Add(db, time, "system", "catalog.seed", "catalog", snapshot.Version, $"{snapshot.Scholarships.Count} calls");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        LogSeeded(snapshot.Version, snapshot.Scholarships.Count);
    }

    private async Task SeedDemoStudentsAsync(CancellationToken cancellationToken)
    {
        if (!portalOptions.Value.SeedDemoData)
        {
            return;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (await db.Students.AnyAsync(s => s.IsDemo, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var profile in DemoCohort.Load())
        {
            db.Students.Add(new Student
            {
                Id = Guid.CreateVersion7(now),
                ExternalId = profile.Id,
                IsDemo = true,
                ProfileCiphertext = vault.Protect(StudentProfileJson.Serialize(profile)),
                CreatedAt = now,
                UpdatedAt = now,
                Revision = 1,
            });
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task SeedIdentityAsync(IServiceProvider scoped, CancellationToken cancellationToken)
    {
        var roles = scoped.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false));
            }
        }

        var users = scoped.GetRequiredService<UserManager<PortalUser>>();
        var options = portalOptions.Value;
        var admin = await users.FindByNameAsync(options.AdminUserName).ConfigureAwait(false);
        if (admin is null && users.Users.Any())
        {
            return;
        }

        // A first start killed between creating the first admin and giving it the role leaves a user who can do
        // nothing and no admin at all; the next start finishes the job (with a new password when it was generated).
        var interrupted = admin is not null
            && !await users.IsInRoleAsync(admin, PortalRoles.Admin).ConfigureAwait(false)
            && (await users.GetUsersInRoleAsync(PortalRoles.Admin).ConfigureAwait(false)).Count == 0;
        if (admin is not null && !interrupted)
        {
            return;
        }

        var password = options.AdminPassword;
        var generated = string.IsNullOrEmpty(password);
        if (generated)
        {
            password = RandomPassword();

            // Printed once, on the console only (the logs never carry secrets), and before it is stored, so that a
            // start killed in between never leaves an admin whose password nobody saw.
            Console.WriteLine($"Administrador inicial / first admin: usuario '{options.AdminUserName}', contraseña '{password}'. Cámbiela al ingresar.");
        }

        if (admin is null)
        {
            admin = new PortalUser { UserName = options.AdminUserName, DisplayName = "Administrador", EmailConfirmed = true };
            Check(await users.CreateAsync(admin, password!).ConfigureAwait(false));
        }
        else
        {
            Check(await users.RemovePasswordAsync(admin).ConfigureAwait(false));
            Check(await users.AddPasswordAsync(admin, password!).ConfigureAwait(false));
        }

        Check(await users.AddToRoleAsync(admin, PortalRoles.Admin).ConfigureAwait(false));
        await using (var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            AuditLog.Add(db, time, "system", "user.create", "user", admin.Id, PortalRoles.Admin);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        LogAdminCreated(options.AdminUserName);
    }

    private static string RandomPassword()
    {
        const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = new char[20];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(chars);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Identity seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Seeded catalog {Version} with {Count} calls.")]
    private partial void LogSeeded(string version, int count);

    [LoggerMessage(2, LogLevel.Information, "Created the first admin '{UserName}'.")]
    private partial void LogAdminCreated(string userName);
}
