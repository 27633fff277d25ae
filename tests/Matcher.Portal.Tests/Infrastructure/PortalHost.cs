using System.Net;
using System.Net.Http.Json;
using Matcher.Portal.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Portal.Infrastructure;

/// <summary>
/// One host over one database (a fresh SQLite file or a fresh PostgreSQL database), started through
/// WebApplicationFactory with the real Program, migrations and seeding. Each test class gets its own.
/// </summary>
public abstract class PortalHost : IAsyncLifetime
{
    public const string AdminPassword = "Admin-Password-For-Tests-1";

    private readonly List<WebApplicationFactory<Program>> _factories = [];

    protected PortalHost()
    {
    }

    /// <summary>The connection string of this host's database.</summary>
    public string Database { get; private set; } = "";

    /// <summary>The first host.</summary>
    public WebApplicationFactory<Program> Factory => _factories[0];

    public abstract bool IsPostgres { get; }

    /// <summary>Per-minute permits of anonymous matching for this host.</summary>
    protected virtual int AnonymousPermits => 100_000;

    /// <summary>More settings of this host.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    /// <summary>Last changes to the host's builder (services, logging).</summary>
    protected virtual void Configure(IWebHostBuilder builder)
    {
    }

    public async Task InitializeAsync()
    {
        Database = CreateDatabase();
        _factories.Add(Start());
        using var client = Factory.CreateClient();
        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        foreach (var factory in _factories)
        {
            await factory.DisposeAsync();
        }
    }

    /// <summary>Another replica over the same database.</summary>
    public WebApplicationFactory<Program> StartReplica()
    {
        var factory = Start();
        _factories.Add(factory);
        return factory;
    }

    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>A client signed in with the cookie of the given user.</summary>
    public async Task<HttpClient> SignedInAsync(string userName, string password, WebApplicationFactory<Program>? factory = null)
    {
        var client = (factory ?? Factory).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return client;
    }

    public Task<HttpClient> AdminAsync(WebApplicationFactory<Program>? factory = null) => SignedInAsync("admin", AdminPassword, factory);

    /// <summary>Creates a user with roles through the admin API and signs them in.</summary>
    public async Task<HttpClient> UserAsync(string role, int? providerId = null)
    {
        using var admin = await AdminAsync();
        var name = $"{role}-{Guid.NewGuid():N}"[..20];
        const string password = "User-Password-For-Tests-1";
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, password, roles = new[] { role }, providerId });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return await SignedInAsync(name, password);
    }

    /// <summary>Creates an API key with the scopes and a client that sends it.</summary>
    public async Task<HttpClient> ApiKeyClientAsync(params string[] scopes)
    {
        using var admin = await AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "tests " + Guid.NewGuid().ToString("N")[..6], scopes });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var key = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("key").GetString()!;
        var client = Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>Service overrides of this host (none by default).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public MatcherDbContext CreateDbContext() => Factory.Services.GetRequiredService<IDbContextFactory<MatcherDbContext>>().CreateDbContext();

    protected abstract string CreateDatabase();

    private WebApplicationFactory<Program> Start()
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("Portal:Database", Database);
            b.UseSetting("Portal:AdminPassword", AdminPassword);
            b.UseSetting("Portal:CatalogPollInterval", "00:00:00.200");
            b.UseSetting("Portal:LoginPermitsPerMinute", "100000");
            b.UseSetting("Portal:AnonymousMatchPermitsPerMinute", AnonymousPermits.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var (key, value) in Settings)
            {
                b.UseSetting(key, value);
            }

            b.ConfigureServices(ConfigureServices);
            Configure(b);
        });
        _ = factory.Server;
        return factory;
    }
}

/// <summary>The host on a fresh SQLite file.</summary>
public sealed class SqliteHost : PortalHost
{
    public override bool IsPostgres => false;

    public string FilePath { get; private set; } = "";

    protected override string CreateDatabase()
    {
        FilePath = Path.Combine(Directory.CreateTempSubdirectory("matcher-sqlite-").FullName, "matcher.db");
        return $"Data Source={FilePath}";
    }
}

/// <summary>The host on a fresh PostgreSQL database.</summary>
public sealed class PostgresHost : PortalHost
{
    public override bool IsPostgres => true;

    protected override string CreateDatabase() => PostgresServer.NewDatabase();
}

/// <summary>A host whose anonymous matching allows only three requests a minute.</summary>
public sealed class RateLimitedHost : PortalHost
{
    public override bool IsPostgres => false;

    protected override int AnonymousPermits => 3;

    protected override string CreateDatabase() =>
        $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("matcher-rl-").FullName, "matcher.db")}";
}

/// <summary>A host whose Data Protection key ring is encrypted with a certificate.</summary>
public sealed class CertificateKeyRingHost : PortalHost
{
    private readonly string _folder = Directory.CreateTempSubdirectory("matcher-cert-").FullName;

    public override bool IsPostgres => false;

    protected override IEnumerable<KeyValuePair<string, string>> Settings
    {
        get
        {
            var path = Path.Combine(_folder, "keyring.pfx");
            if (!File.Exists(path))
            {
                using var rsa = System.Security.Cryptography.RSA.Create(2048);
                var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=matcher-keyring-test", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
                using var certificate = request.CreateSelfSigned(DateTimeOffset.Now.AddDays(-1), DateTimeOffset.Now.AddDays(30));
                File.WriteAllBytes(path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "test-password"));
            }

            return [new("Portal:KeyRingCertificatePath", path), new("Portal:KeyRingCertificatePassword", "test-password")];
        }
    }

    protected override string CreateDatabase() => $"Data Source={Path.Combine(_folder, "matcher.db")}";
}

/// <summary>A host as deployed behind a TLS-terminating ingress: forwarded headers trusted, secure cookies.</summary>
public sealed class BehindProxyHost : PortalHost
{
    public override bool IsPostgres => false;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("Portal:ForwardedHeaders", "true"), new("Portal:SecureCookies", "true")];

    protected override string CreateDatabase() =>
        $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("matcher-proxy-").FullName, "matcher.db")}";
}

/// <summary>A host that may fetch loopback sources (the test sites), with no politeness delay and fast retries; its
/// scheduler is off so that tests run checks themselves.</summary>
public sealed class IngestionHost : PortalHost
{
    public override bool IsPostgres => false;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Ingestion:AllowLoopback", "true"),
        new("Ingestion:PolitenessDelay", "00:00:00"),
        new("Ingestion:RetryDelay", "00:00:00.010"),
        new("Ingestion:MaxRetries", "1"),
        new("Portal:Sources:Enabled", "false"),
    ];

    protected override string CreateDatabase() =>
        $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("matcher-ingestion-").FullName, "matcher.db")}";
}
