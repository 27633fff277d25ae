using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Matcher.Portal.Infrastructure;

namespace Matcher.Portal.Security;

/// <summary>
/// Everything the host does with a student's data, with values distinctive enough to be searched for afterwards in the
/// database files, the rows and the logs: register (with the student's own consent and with a guardian's), match the
/// registered student, anonymous and batch matching, look up by DNI, record an outcome, export, update the profile,
/// delete, and sign in.
/// </summary>
internal static class PersonalDataFlow
{
    public const string Dni = "73918264";
    public const string SecondDni = "61827354";
    public const string BirthDate = "2009-11-23";
    public const string Income = "487.35";
    public const string Name = "Yolanda Quispe Mamani";
    public const string Email = "yolanda.qxz@example.pe";
    public const string Aspirations = "Quiero estudiar vulcanología en Chachapoyas, soy Yolanda";
    public const string Interest = "vulcanología-qxz";
    public const string ExternalId = "st-at-rest-0001";

    /// <summary>Strings that must never appear outside the encrypted profile: in plaintext at rest or in a log line.</summary>
    public static IReadOnlyList<string> Secrets { get; } =
    [
        Dni, SecondDni, BirthDate, "23/11/2009", "11/23/2009", Income, "487,35", Name, "Quispe Mamani", Email, Aspirations, "vulcanología", Interest,
        "\"violenceVictimRegistry\":true", "\"violenceVictimRegistry\": true", "ViolenceVictimRegistry = True",
        "\"afroPeruvian\":true", "\"afroPeruvian\": true", "AfroPeruvian = True",
    ];

    public static string Profile(string id, string birthDate = BirthDate) => $$"""
        {
          "id": "{{id}}",
          "nationality": "PE",
          "birthDate": "{{birthDate}}",
          "gender": "female",
          "residenceUbigeo": "010101",
          "sisfoh": { "classification": "extremePoor", "validUntil": "2027-06-30" },
          "monthlyPerCapitaIncome": {{Income}},
          "basicEducation": { "modality": "ebr", "status": "inLastGrade", "schoolUbigeo": "010101", "schoolManagement": "public", "schoolZone": "none", "coar": false, "academicRank": "topThird", "gradeAverage": 16.1 },
          "higherEducation": { "status": "none", "degree": "none" },
          "conditions": { "disability": true, "violenceVictimRegistry": true, "afroPeruvian": true, "familyProtection": false },
          "nativeLanguages": ["quechua"],
          "previousHigherStudies": false,
          "holdsScholarship": false,
          "interests": ["{{Interest}}"],
          "aspirations": "{{Aspirations}}",
          "extensions": { "nombre": "{{Name}}", "correo": "{{Email}}" }
        }
        """;

    /// <summary>Runs the flow; returns the id of the registered student that is kept.</summary>
    public static async Task<Guid> RunAsync(PortalHost host)
    {
        using var counselor = await host.UserAsync("counselor");
        var minor = await RegisterAsync(counselor, Profile(ExternalId), Dni, guardian: true);
        var adult = await RegisterAsync(counselor, Profile("st-at-rest-0002", "1999-01-15"), SecondDni, guardian: false);

        Ok(await counselor.PostAsync(new Uri($"/api/v1/students/{minor}/match?date=2025-09-20", UriKind.Relative), null));
        using (var anonymous = host.Anonymous())
        {
            Ok(await anonymous.PostAsync(new Uri("/api/v1/match?date=2025-09-20", UriKind.Relative), Json(Profile("anon-1"))));
        }

        var lines = string.Join('\n', Enumerable.Range(1, 3).Select(i => JsonSerializer.Serialize(JsonDocument.Parse(Profile($"batch-{i}")).RootElement)));
        Ok(await counselor.PostAsync(new Uri("/api/v1/match/batch?date=2025-09-20", UriKind.Relative), new StringContent(lines, Encoding.UTF8, "application/x-ndjson")));
        Ok(await counselor.PostAsJsonAsync("/api/v1/students/lookup", new { dni = Dni }));
        Assert.Equal(HttpStatusCode.Created, (await counselor.PostAsJsonAsync("/api/v1/outcomes", new { studentId = minor, scholarshipId = "beca18-2026-ordinaria", outcome = "applied", recordedOn = "2025-10-01" })).StatusCode);
        Ok(await counselor.GetAsync(new Uri($"/api/v1/students/{minor}/export", UriKind.Relative)));
        Ok(await counselor.GetAsync(new Uri($"/api/v1/students/{minor}", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.NoContent, (await counselor.DeleteAsync(new Uri($"/api/v1/students/{adult}", UriKind.Relative))).StatusCode);

        using (var admin = await host.AdminAsync())
        {
            Ok(await admin.GetAsync(new Uri("/api/v1/outcomes/export", UriKind.Relative)));
            Ok(await admin.GetAsync(new Uri("/api/v1/audit", UriKind.Relative)));
        }

        using (var stranger = host.Anonymous())
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.PostAsJsonAsync("/api/v1/auth/login", new { userName = "admin", password = "not-the-password-1" })).StatusCode);

            // A bad registration is refused with its path, and the refusal is not a place for the data to leak either.
            Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.PostAsync(new Uri("/api/v1/students", UriKind.Relative), Json($$"""{"profile": {{Profile("x")}}, "dni": "{{Dni}}"}"""))).StatusCode);
        }

        var bad = await counselor.PostAsync(new Uri("/api/v1/students", UriKind.Relative), Json($$"""{"profile": {{Profile("bad")}}, "dni": "{{Dni}}", "consent": {"given": true, "guardian": true}, "extra": "{{Name}}"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        return minor;
    }

    private static async Task<Guid> RegisterAsync(HttpClient client, string profile, string dni, bool guardian)
    {
        var response = await client.PostAsync(new Uri("/api/v1/students", UriKind.Relative), Json($$$"""{"profile": {{{profile}}}, "dni": "{{{dni}}}", "consent": {"given": true, "guardian": {{{(guardian ? "true" : "false")}}}}}"""));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static void Ok(HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode}");
}
