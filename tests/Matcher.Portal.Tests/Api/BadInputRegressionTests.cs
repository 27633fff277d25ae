using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Matcher.Portal.Infrastructure;

namespace Matcher.Portal.Api;

/// <summary>Inputs the fuzz runs found answering 500, each now a 400 naming its place.</summary>
public sealed class BadInputRegressionTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    private static readonly string Sample = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "students", "huancavelica.json"));

    [Fact]
    public async Task ParseStudent_TextThatIsNotUtf8_Answers400()
    {
        using var client = host.Anonymous();
        byte[] body = [.. "{\"text\":\"Tengo 17 a"u8, 0xC3, .. "os\"}"u8];
        await AssertProblemAsync(await client.PostAsync(new Uri("/api/v1/students/parse", UriKind.Relative), Json(body)), "$.text");
    }

    [Fact]
    public async Task RegisterStudent_NameWithALoneSurrogate_Answers400()
    {
        using var admin = await host.AdminAsync();
        var body = "{\"profile\":" + Sample + ",\"consent\":{\"given\":true},\"\\ud800\":1}";
        await AssertProblemAsync(await admin.PostAsync(new Uri("/api/v1/students", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json")), "$");
    }

    [Fact]
    public async Task Batch_ArrayWithALoneSurrogate_Answers400NamingTheElement()
    {
        using var client = await host.ApiKeyClientAsync("match:batch");
        var body = "[" + Sample.Replace("\"female\"", "\"\\ud800\"", StringComparison.Ordinal) + "]";
        await AssertProblemAsync(await client.PostAsync(new Uri("/api/v1/match/batch", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json")), "$[0].gender");
    }

    [Theory]
    [InlineData("/api/v1/outcomes?limit=10}", "limit")]
    [InlineData("/api/v1/outcomes?after=", null)]
    [InlineData("/api/v1/outcomes?after=x", "after")]
    [InlineData("/api/v1/audit?before=1e3", "before")]
    [InlineData("/api/v1/audit?limit=99999999999999999999", "limit")]
    public async Task PagingParameters_NotWholeNumbers_Answer400NamingThem(string url, string? parameter)
    {
        using var admin = await host.AdminAsync();
        var response = await admin.GetAsync(new Uri(url, UriKind.Relative));
        if (parameter is null)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return;
        }

        await AssertProblemAsync(response, parameter);
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        return content;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, string path)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(path, out _), $"no error at {path}: {errors}");
    }
}
