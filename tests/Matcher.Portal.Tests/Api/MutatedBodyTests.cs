using System.Net;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Matcher.Portal.Infrastructure;

namespace Matcher.Portal.Api;

/// <summary>Bad input never breaks the host: mutated real bodies answer 200 or 400, never a server error.</summary>
public sealed class MutatedBodyTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    private static readonly string Sample = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "students", "huancavelica.json"));

    private static readonly string[] Tokens =
    [
        "null", "true", "-1", "1e309", "\"\"", "\"x\"", "[]", "{}", "\"\\u0000\"", "99999999999999999999", "\"2025-02-30\"", "\"150101\"", "[[[[[[]]]]]]", ",", ":", "\"\uD800\"",
    ];

    [Property(MaxTest = 300)]
    public Property MatchEndpoint_MutatedProfile_AnswersOkOrBadRequest(NonNegativeInt seed, PositiveInt count)
    {
        var body = Mutate(Sample, new Random(seed.Get), 1 + (count.Get % 4));
        using var client = host.Anonymous();
        var response = client.PostAsync(new Uri("/api/v1/match?date=2025-09-20", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json")).GetAwaiter().GetResult();
        return (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest).Label($"{(int)response.StatusCode} for: {body}");
    }

    [Property(MaxTest = 100)]
    public Property BatchEndpoint_MutatedLines_AnswersOkOrBadRequest(NonNegativeInt seed)
    {
        var random = new Random(seed.Get);
        var lines = string.Join('\n', Enumerable.Range(0, 3).Select(i => Mutate(Sample.Replace("st-hvca-0001", $"m-{i}", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal), random, random.Next(0, 2))));
        using var client = host.ApiKeyClientAsync("match:batch").GetAwaiter().GetResult();
        var response = client.PostAsync(new Uri("/api/v1/match/batch", UriKind.Relative), new StringContent(lines, Encoding.UTF8, "application/x-ndjson")).GetAwaiter().GetResult();
        return (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest).Label($"{(int)response.StatusCode} for: {lines}");
    }

    /// <summary>Deletes, inserts or replaces characters and tokens at random places.</summary>
    private static string Mutate(string text, Random random, int times)
    {
        var sb = new StringBuilder(text);
        for (var i = 0; i < times && sb.Length > 0; i++)
        {
            var at = random.Next(sb.Length);
            switch (random.Next(4))
            {
                case 0:
                    sb.Remove(at, Math.Min(sb.Length - at, 1 + random.Next(8)));
                    break;
                case 1:
                    sb.Insert(at, (char)random.Next(32, 127));
                    break;
                case 2:
                    sb.Insert(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                default:
                    var colon = sb.ToString().IndexOf(':', at);
                    if (colon > 0)
                    {
                        var end = sb.ToString().IndexOfAny([',', '}'], colon);
                        if (end > colon)
                        {
                            sb.Remove(colon + 1, end - colon - 1).Insert(colon + 1, " " + Tokens[random.Next(Tokens.Length)]);
                        }
                    }

                    break;
            }
        }

        return sb.ToString();
    }
}
