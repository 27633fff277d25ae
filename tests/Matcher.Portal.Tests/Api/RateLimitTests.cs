using System.Net;
using System.Text;
using Matcher.Portal.Infrastructure;

namespace Matcher.Portal.Api;

/// <summary>Anonymous matching is limited per client, with a Retry-After.</summary>
public sealed class RateLimitTests(RateLimitedHost host) : IClassFixture<RateLimitedHost>
{
    [Fact]
    public async Task AnonymousMatch_PastThePerMinuteLimit_Answers429WithRetryAfter()
    {
        using var client = host.Anonymous();
        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "students", "huancavelica.json"));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(new Uri("/api/v1/match", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"))).StatusCode);
        }

        var limited = await client.PostAsync(new Uri("/api/v1/match", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);

        // The catalog is not rate-limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v1/scholarships", UriKind.Relative))).StatusCode);
    }
}
