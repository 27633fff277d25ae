using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Matcher.Portal.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Portal.Security;

/// <summary>
/// Consent is recorded with when, who, the text version and whether a guardian gave it; the ARCO rights work through the
/// API: access (export), rectification (update), cancellation (delete with everything derived) and opposition (withdraw
/// consent, after which nothing processes the student); each is audited without personal data.
/// </summary>
public sealed class ConsentAndArcoTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    [Fact]
    public async Task Consent_IsRecordedWithWhenWhoAndTextVersion_AndMinorsOrUnknownAgeNeedAGuardian()
    {
        using var counselor = await host.UserAsync(PortalRoles.Counselor);
        var me = (await counselor.GetFromJsonAsync<JsonElement>("/api/v1/auth/me")).GetProperty("name").GetString();

        var unknownAge = JsonNode.Parse(PersonalDataFlow.Profile("no-age"))!.AsObject();
        unknownAge.Remove("birthDate");
        await AssertProblemAsync(await counselor.PostAsJsonAsync("/api/v1/students", new { profile = unknownAge, consent = new { given = true, guardian = false } }), "consent.guardian");
        await AssertProblemAsync(await counselor.PostAsJsonAsync("/api/v1/students", new { profile = Node(PersonalDataFlow.Profile("minor")), consent = new { given = true, guardian = false } }), "consent.guardian");
        await AssertProblemAsync(await counselor.PostAsJsonAsync("/api/v1/students", new { profile = Node(PersonalDataFlow.Profile("adult", "1998-02-02")), consent = new { given = true, guardian = false, textVersion = "2019-01" } }), "consent.textVersion");

        var guardian = await RegisterAsync(counselor, unknownAge, guardian: true, textVersion: "2026-01");
        var own = await RegisterAsync(counselor, Node(PersonalDataFlow.Profile("adult", "1998-02-02")), guardian: false, textVersion: null);

        var export = await counselor.GetFromJsonAsync<JsonElement>($"/api/v1/students/{guardian}/export");
        Assert.True(export.GetProperty("guardianConsent").GetBoolean());
        Assert.Equal(me, export.GetProperty("consentRecordedBy").GetString());
        Assert.Equal("2026-01", export.GetProperty("consentTextVersion").GetString());
        Assert.True(export.GetProperty("consentAt").GetDateTimeOffset() > DateTimeOffset.UnixEpoch);
        Assert.Equal(JsonValueKind.Null, export.GetProperty("consentWithdrawnAt").ValueKind);
        var ownExport = await counselor.GetFromJsonAsync<JsonElement>($"/api/v1/students/{own}/export");
        Assert.False(ownExport.GetProperty("guardianConsent").GetBoolean());
        Assert.Equal("2026-01", ownExport.GetProperty("consentTextVersion").GetString());
    }

    [Fact]
    public async Task Rectification_ReplacesTheProfile_AndAMinorStillNeedsTheGuardiansConsent()
    {
        using var counselor = await host.UserAsync(PortalRoles.Counselor);
        using var other = await host.UserAsync(PortalRoles.Counselor);
        var id = await RegisterAsync(counselor, Node(PersonalDataFlow.Profile("rect-1", "1998-02-02")), guardian: false, textVersion: null);

        var corrected = Node(PersonalDataFlow.Profile("rect-1", "1997-06-30"));
        corrected["monthlyPerCapitaIncome"] = 612.5;
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/api/v1/students/{id}", new { profile = corrected })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await counselor.PutAsJsonAsync($"/api/v1/students/{id}", new { profile = corrected, dni = "55443322" })).StatusCode);
        var profile = await counselor.GetFromJsonAsync<JsonElement>($"/api/v1/students/{id}");
        Assert.Equal("1997-06-30", profile.GetProperty("birthDate").GetString());
        Assert.Equal(612.5, profile.GetProperty("monthlyPerCapitaIncome").GetDouble());
        Assert.Single((await (await counselor.PostAsJsonAsync("/api/v1/students/lookup", new { dni = "55443322" })).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());

        // Rectified into a minor: the student's own consent is not enough.
        await AssertProblemAsync(await counselor.PutAsJsonAsync($"/api/v1/students/{id}", new { profile = Node(PersonalDataFlow.Profile("rect-1")) }), "profile.birthDate");
        await AssertProblemAsync(await counselor.PutAsJsonAsync($"/api/v1/students/{id}", new { profile = corrected, consent = new { given = true } }), "$.consent");
        Assert.Equal("1997-06-30", (await counselor.GetFromJsonAsync<JsonElement>($"/api/v1/students/{id}")).GetProperty("birthDate").GetString());
        await AssertAuditedAsync(id, "student.update");
    }

    [Fact]
    public async Task Opposition_StopsMatchingOutcomesAndTraining_ButAccessAndDeletionRemain()
    {
        using var counselor = await host.UserAsync(PortalRoles.Counselor);
        using var analyst = await host.UserAsync(PortalRoles.Analyst);
        var id = await RegisterAsync(counselor, Node(PersonalDataFlow.Profile("opp-1")), guardian: true, textVersion: null);
        Assert.Equal(HttpStatusCode.OK, (await counselor.PostAsync(new Uri($"/api/v1/students/{id}/match?date=2025-09-20", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await counselor.PostAsJsonAsync("/api/v1/outcomes", new { studentId = id, scholarshipId = "beca18-2026-ordinaria", outcome = "applied", recordedOn = "2025-10-01" })).StatusCode);
        Assert.Contains(id.ToString(), await analyst.GetStringAsync(new Uri("/api/v1/outcomes/export", UriKind.Relative)), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await counselor.PostAsync(new Uri($"/api/v1/students/{id}/consent/withdraw", UriKind.Relative), null)).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await counselor.PostAsync(new Uri($"/api/v1/students/{id}/match?date=2025-09-20", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await counselor.PostAsJsonAsync("/api/v1/outcomes", new { studentId = id, scholarshipId = "beca18-2026-ordinaria", outcome = "awarded", recordedOn = "2025-11-01" })).StatusCode);
        Assert.DoesNotContain(id.ToString(), await analyst.GetStringAsync(new Uri("/api/v1/outcomes/export", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(id.ToString(), await analyst.GetStringAsync(new Uri("/api/v1/outcomes?limit=10000", UriKind.Relative)), StringComparison.Ordinal);

        var export = await counselor.GetFromJsonAsync<JsonElement>($"/api/v1/students/{id}/export");
        Assert.NotEqual(JsonValueKind.Null, export.GetProperty("consentWithdrawnAt").ValueKind);
        await AssertAuditedAsync(id, "student.consent-withdraw");

        // Cancellation: the student goes with its match results and outcomes.
        Assert.Equal(HttpStatusCode.NoContent, (await counselor.DeleteAsync(new Uri($"/api/v1/students/{id}", UriKind.Relative))).StatusCode);
        await using var db = host.CreateDbContext();
        Assert.False(await db.Students.AnyAsync(s => s.Id == id));
        Assert.False(await db.MatchResults.AnyAsync(r => r.StudentId == id));
        Assert.False(await db.Outcomes.AnyAsync(o => o.StudentId == id));
        await AssertAuditedAsync(id, "student.delete");
        await AssertAuditedAsync(id, "student.export");
    }

    /// <summary>The action is in the audit log under the student's id, and no audit row holds a student's data.</summary>
    private async Task AssertAuditedAsync(Guid id, string action)
    {
        await using var db = host.CreateDbContext();
        var rows = await db.AuditEntries.AsNoTracking().ToListAsync();
        Assert.Contains(rows, r => r.Action == action && r.EntityId == id.ToString());
        var text = string.Join('\n', rows.Select(r => $"{r.Actor} {r.Action} {r.EntityType} {r.EntityId} {r.Detail}"));
        Assert.All(PersonalDataFlow.Secrets.Append("1997-06-30").Append("612.5").Append("55443322"), s => Assert.DoesNotContain(s, text, StringComparison.Ordinal));
    }

    private static JsonObject Node(string json) => JsonNode.Parse(json)!.AsObject();

    private static async Task<Guid> RegisterAsync(HttpClient client, JsonObject profile, bool guardian, string? textVersion)
    {
        var response = await client.PostAsJsonAsync("/api/v1/students", new { profile, consent = new { given = true, guardian, textVersion } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, string path)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(path, body, StringComparison.Ordinal);
    }
}
