using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Matcher.Portal.BrowserTests;

/// <summary>
/// The real host on Kestrel (127.0.0.1, a free port, a fresh SQLite file) and one headless Debian chromium, shared by
/// every browser test (one collection, see <see cref="PortalHost"/>). Without chromium the tests say so and fail under CI; on a developer machine they pass empty.
/// </summary>
public sealed class PortalBrowser : IAsyncLifetime
{
    public const string AdminPassword = "Admin-Password-For-Browser-1";
    public const string UserPassword = "User-Password-For-Browser-1";

    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public string? MissingReason { get; private set; }

    public string ArtifactDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ArtifactDirectory);
        if (!File.Exists(ChromiumPath))
        {
            MissingReason = $"chromium not found at {ChromiumPath} (install it: apt-get install -y chromium, or set CHROMIUM_PATH)";
            return;
        }

        var db = Path.Combine(Directory.CreateTempSubdirectory("matcher-browser-").FullName, "matcher.db");
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("Portal:Database", $"Data Source={db}");
            b.UseSetting("Portal:AdminPassword", AdminPassword);
            b.UseSetting("Portal:CatalogPollInterval", "00:00:00.200");
            b.UseSetting("Portal:LoginPermitsPerMinute", "100000");

            // Sources on the test's own loopback site; checks run when the test clicks "check now".
            b.UseSetting("Ingestion:AllowLoopback", "true");
            b.UseSetting("Ingestion:PolitenessDelay", "00:00:00");
            b.UseSetting("Portal:Sources:Enabled", "false");
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseAddress = _factory.ClientOptions.BaseAddress;

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    /// <summary>Whether the test can run; false (and a message) without chromium outside CI, a failure under CI.</summary>
    public bool CanRun(ITestOutputHelper output)
    {
        if (MissingReason is null)
        {
            return true;
        }

        Assert.True(Environment.GetEnvironmentVariable("CI") is null or "", "CI is set but " + MissingReason);
        output.WriteLine("Browser test not run: " + MissingReason);
        return false;
    }

    /// <summary>A fresh page (own cookies) that records console errors and failed requests.</summary>
    public async Task<(IPage Page, List<string> Errors)> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser!.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), ViewportSize = new() { Width = width, Height = height }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };
        page.PageError += (_, e) => errors.Add(e);
        return (page, errors);
    }

    /// <summary>Waits until the page's interactive circuit is up (Blazor has started and Radzen components answer).</summary>
    public static async Task WaitInteractiveAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('.rz-layout') !== null");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(u => !u.Contains("/Account/Login", StringComparison.Ordinal));
    }

    /// <summary>Creates a user with one role through the admin API.</summary>
    public async Task<string> CreateUserAsync(string role, int? providerId = null)
    {
        using var client = _factory!.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = BaseAddress, HandleCookies = true, AllowAutoRedirect = false });
        (await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "admin", password = AdminPassword })).EnsureSuccessStatusCode();
        var name = $"{role}-{Guid.NewGuid():N}"[..18];
        (await client.PostAsJsonAsync("/api/v1/users", new { userName = name, password = UserPassword, roles = new[] { role }, providerId })).EnsureSuccessStatusCode();
        return name;
    }

    /// <summary>The id of a provider, by name.</summary>
    public async Task<int> ProviderIdAsync(string name)
    {
        var databases = (Microsoft.EntityFrameworkCore.IDbContextFactory<Data.MatcherDbContext>)_factory!.Services.GetService(typeof(Microsoft.EntityFrameworkCore.IDbContextFactory<Data.MatcherDbContext>))!;
        await using var db = await databases.CreateDbContextAsync();
        return db.Providers.Single(p => p.Name == name).Id;
    }

    /// <summary>A client signed in as the admin, for setting up data through the API.</summary>
    public async Task<HttpClient> AdminClientAsync()
    {
        var client = _factory!.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = BaseAddress, HandleCookies = true, AllowAutoRedirect = false });
        (await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "admin", password = AdminPassword })).EnsureSuccessStatusCode();
        return client;
    }

    public Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactDirectory, name + ".png"), FullPage = true });
}
