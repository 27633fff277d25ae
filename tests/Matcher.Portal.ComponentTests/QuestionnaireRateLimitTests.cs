using Bunit;
using Matcher.Portal.Components.Pages.Public;
using Matcher.Portal.Options;
using Matcher.Portal.Data;
using Matcher.Portal.Security;
using Matcher.Portal.Students;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace Matcher.Portal.ComponentTests;

public sealed class QuestionnaireRateLimitTests
{
    private const int Permits = 3;

    private static (BunitContext Context, AnonymousMatchLimiter Limiter) Context(string clientKey)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddRadzenComponents();
        ctx.Services.AddScholarshipMatcher();
        // The page's other services, as the host registers them (a fresh SQLite file; nothing is saved in this test).
        var db = Path.Combine(Directory.CreateTempSubdirectory("matcher-bunit-").FullName, "matcher.db");
        var options = Microsoft.Extensions.Options.Options.Create(new PortalOptions { AnonymousMatchPermitsPerMinute = Permits, Database = $"Data Source={db}" });
        ctx.Services.AddSingleton(options);
        ctx.Services.AddDbContextFactory<SqliteMatcherDbContext>(o => o.UseSqlite($"Data Source={db}"));
        ctx.Services.AddSingleton<IDbContextFactory<MatcherDbContext>, MatcherDbContextFactory>();
        ctx.Services.AddDataProtection();
        ctx.Services.AddSingleton(TimeProvider.System);
        ctx.Services.AddSingleton<StudentVault>();
        ctx.Services.AddSingleton<StudentRegistrar>();
        ctx.Services.AddSingleton<SavedAnswers>();
        var limiter = new AnonymousMatchLimiter(options);
        ctx.Services.AddSingleton(limiter);
        ctx.Services.AddSingleton(new CircuitClient { Key = clientKey });
        return (ctx, limiter);
    }

    private static void AnswerEverythingWithNoSe(IRenderedComponent<FindScholarship> cut)
    {
        while (cut.FindAll("#group-eligible").Count == 0 && cut.FindAll("#step-problem").Count == 0)
        {
            cut.Find("#dont-know").Click();
        }
    }

    [Fact]
    public void The_match_after_the_window_is_spent_is_refused_and_the_page_says_so()
    {
        var (ctx, limiter) = Context("ip:203.0.113.7");
        using (ctx)
        using (limiter)
        {
            var cut = ctx.Render<FindScholarship>();
            AnswerEverythingWithNoSe(cut);
            for (var i = 1; i <= Permits; i++)
            {
                Assert.Single(cut.FindAll("#group-eligible"));
                cut.Find("#restart").Click();
                cut.Find("#see-results").Click();
                if (i < Permits)
                {
                    Assert.Empty(cut.FindAll("#step-problem"));
                }
            }

            // Permits + 1 matches asked for: the last one is refused, the answers stay, the message is Spanish.
            Assert.Empty(cut.FindAll("#group-eligible"));
            var problem = cut.Find("#step-problem").TextContent;
            Assert.Contains("Espera", problem, StringComparison.Ordinal);
            Assert.Contains("segundos", problem, StringComparison.Ordinal);
            Assert.Single(cut.FindAll("#see-results"));

            // Another client's budget is its own.
            Assert.True(limiter.TryAcquire("ip:198.51.100.1", out _));
            Assert.False(limiter.TryAcquire("ip:203.0.113.7", out var retryAfter));
            Assert.NotNull(retryAfter);
            Assert.InRange(retryAfter.Value, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        }
    }

    [Fact]
    public void The_api_policy_and_the_page_use_the_same_window()
    {
        var window = AnonymousMatchLimiter.Window(120);
        Assert.Equal(120, window.PermitLimit);
        Assert.Equal(TimeSpan.FromMinutes(1), window.Window);
        Assert.Equal(0, window.QueueLimit);
        Assert.Equal("ip:unknown", CircuitClient.KeyOf(null));
    }
}
