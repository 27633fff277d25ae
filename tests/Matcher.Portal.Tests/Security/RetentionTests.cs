using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Matcher.Portal.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Matcher.Portal.Security;

/// <summary>
/// A host on a fake clock, keeping students 30 days and match runs 10, and looking once a day. The fake clock fires
/// every timer due on the way when it is advanced, so the catalog poll is slowed to an hour to keep that short.
/// </summary>
public sealed class RetentionHost : PortalHost
{
    /// <summary>Starts at the real time: the Data Protection key ring must not look as if made in the future.</summary>
    public FakeTimeProvider Time { get; } = new(TimeProvider.System.GetUtcNow());

    public override bool IsPostgres => false;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("Portal:Retention:StudentDays", "30"), new("Portal:Retention:MatchRunDays", "10"), new("Portal:Retention:Interval", "1.00:00:00"), new("Portal:CatalogPollInterval", "01:00:00")];

    protected override void Configure(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Time));

    protected override string CreateDatabase() =>
        $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("matcher-retention-").FullName, "matcher.db")}";
}

/// <summary>
/// The retention service on the host's <see cref="TimeProvider"/>: when the clock passes a period, the next pass
/// deletes the expired match runs, then the expired students with their results and outcomes, keeps the demo cohort
/// and the students changed since, and audits the counts.
/// </summary>
public sealed class RetentionTests(RetentionHost host) : IClassFixture<RetentionHost>
{
    [Fact]
    public async Task ExpiredRunsAndStudents_ArePurgedByTheBackgroundPass_AndCountsAudited()
    {
        Guid old;
        using (var counselor = await host.UserAsync(PortalRoles.Counselor))
        {
            old = await RegisterAsync(counselor, "ret-old");
            Assert.Equal(HttpStatusCode.OK, (await counselor.PostAsync(new Uri($"/api/v1/students/{old}/match?date=2025-09-20", UriKind.Relative), null)).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await counselor.PostAsJsonAsync("/api/v1/outcomes", new { studentId = old, scholarshipId = "beca18-2026-ordinaria", outcome = "applied", recordedOn = "2025-10-01" })).StatusCode);
        }

        int demo;
        await using (var db = host.CreateDbContext())
        {
            demo = await db.Students.CountAsync(s => s.IsDemo);
            Assert.True(await db.MatchRuns.AnyAsync());
        }

        // Day 11: the run has expired, the student has not.
        host.Time.Advance(TimeSpan.FromDays(11));
        await EventuallyAsync(async db => !await db.MatchRuns.AnyAsync());
        Guid recent;
        await using (var db = host.CreateDbContext())
        {
            Assert.True(await db.Students.AnyAsync(s => s.Id == old));
            Assert.True(await db.Outcomes.AnyAsync(o => o.StudentId == old));
        }

        using (var counselor = await host.UserAsync(PortalRoles.Counselor))
        {
            recent = await RegisterAsync(counselor, "ret-recent");
        }

        // Day 31: the first student has expired, with its outcome; the one registered on day 11 and the demo cohort stay.
        host.Time.Advance(TimeSpan.FromDays(20));
        await EventuallyAsync(async db => !await db.Students.AnyAsync(s => s.Id == old));
        await using (var db = host.CreateDbContext())
        {
            Assert.False(await db.Outcomes.AnyAsync(o => o.StudentId == old));
            Assert.True(await db.Students.AnyAsync(s => s.Id == recent));
            Assert.Equal(demo, await db.Students.CountAsync(s => s.IsDemo));
            var purges = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "retention.purge").OrderBy(a => a.Id).Select(a => a.Detail).ToListAsync();
            Assert.Equal(["students=0 matchRuns=1", "students=1 matchRuns=0"], purges);
        }
    }

    /// <summary>Waits (at most 30 s of real time) for the background pass that the clock's advance released.</summary>
    private async Task EventuallyAsync(Func<Matcher.Portal.Data.MatcherDbContext, Task<bool>> condition)
    {
        for (var i = 0; i < 300; i++)
        {
            await using var db = host.CreateDbContext();
            if (await condition(db))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the retention pass did not run");
    }

    private static async Task<Guid> RegisterAsync(HttpClient client, string id)
    {
        var response = await client.PostAsJsonAsync("/api/v1/students", new { profile = JsonNode.Parse(PersonalDataFlow.Profile(id, "1998-02-02")), consent = new { given = true, guardian = false } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}

/// <summary>Locking a user ends their open sessions within the security-stamp interval (ASVS 7.4.2), on the fake clock.</summary>
public sealed class SessionRevocationTests(RetentionHost host) : IClassFixture<RetentionHost>
{
    [Fact]
    public async Task LockedUser_SessionStopsWorkingWithinAMinute()
    {
        using var admin = await host.AdminAsync();
        var name = "revoke-" + Guid.NewGuid().ToString("N")[..8];
        const string password = "Right-Password-For-Tests-3";
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, password, roles = new[] { PortalRoles.Analyst } });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var analyst = await host.SignedInAsync(name, password);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync(new Uri("/api/v1/weights", UriKind.Relative))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync(new Uri($"/api/v1/users/{id}/lock", UriKind.Relative), null)).StatusCode);
        host.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await analyst.GetAsync(new Uri("/api/v1/weights", UriKind.Relative))).StatusCode);
    }
}
