using System.Threading.RateLimiting;
using Matcher.Portal.Api;
using Matcher.Portal.Catalog;
using Matcher.Portal.Components;
using Matcher.Portal.Data;
using Matcher.Portal.Data.Entities;
using Matcher.Portal.Observability;
using Matcher.Portal.Options;
using Matcher.Portal.Retention;
using Matcher.Portal.Security;
using Matcher.Portal.Sources;
using Matcher.Ingestion;
using Matcher.Portal.Students;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Matcher.Portal.Extensions;

/// <summary>Registers everything the host needs; <c>Program.cs</c> calls this once.</summary>
internal static class PortalServiceCollectionExtensions
{
    public static WebApplicationBuilder AddMatcherPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddOptions<PortalOptions>()
            .Bind(configuration.GetSection(PortalOptions.Section))
            .Configure<IConfiguration, IHostEnvironment>((o, config, env) =>
            {
                // CONTRACT §5 variables win over the section.
                o.Database = NonEmpty(config["MATCHER_DB"]) ?? o.Database;
                o.AdminPassword = NonEmpty(config["MATCHER_ADMIN_PASSWORD"]) ?? o.AdminPassword;
                if (o.Database is null)
                {
                    var dir = o.DataDirectory ?? Path.Combine(env.ContentRootPath, "App_Data");
                    o.Database = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dir, "matcher.db") }.ToString();
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PortalOptions>, PortalOptionsValidator>();
        services.AddSingleton<IValidateOptions<PortalOptions>, PortalOptionsCrossFieldValidator>();

        var matcher = services.AddScholarshipMatcher(configuration.GetSection("Matcher"));

        // GPT parsers replace the offline ones only when a key is configured (CONTRACT §4 variables or Matcher:OpenAI).
        var openAi = configuration.GetSection("Matcher:OpenAI");
        if (!string.IsNullOrWhiteSpace(configuration["OPENAI_API_KEY"]) || !string.IsNullOrWhiteSpace(openAi["ApiKey"]))
        {
            matcher.AddOpenAIParsers(openAi);
        }
        services.AddSingleton<DatabaseCatalogSource>();
        services.RemoveAll<Matcher.Catalog.ICatalogSource>();
        services.AddSingleton<Matcher.Catalog.ICatalogSource>(sp => sp.GetRequiredService<DatabaseCatalogSource>());

        AddDatabase(services, configuration);
        AddSecurity(services);

        services.AddSingleton<ActiveSettings>();
        services.AddSingleton<ActiveMatcher>();
        services.AddSingleton<PortalMetrics>();
        services.AddSingleton<CatalogEditor>();
        services.AddSingleton<StudentVault>();
        services.AddSingleton<StudentRegistrar>();
        services.AddSingleton<ModelUploads>();
        services.AddScoped<UserAdministration>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<CatalogWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<CatalogWatcher>());
        services.AddSingleton<RetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
        AddSources(services, configuration);

        // The pages' framework and Radzen files: from the build output's static web assets manifest in every environment
        // (without it, `dotnet run` in Production answers 500 for them); a published app has none and serves wwwroot.
        builder.WebHost.UseStaticWebAssets();
        services.AddMatcherPortalPages();
        services.AddProblemDetails();
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        services.ConfigureHttpJsonOptions(o =>
        {
            // Unknown fields are an error with their path (CONTRACT), not silently ignored.
            o.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.MaxDepth = 32;
        });
        services.AddOpenApi();
        services.AddMatcherSecurityHeaders();
        AddRateLimits(services);
        services.AddHealthChecks()
            .AddDbContextCheck<MatcherDbContext>("database", tags: ["ready"])
            .AddCheck<CatalogHealthCheck>("catalog", tags: ["ready"]);
        return builder;
    }

    /// <summary>Catalog sources: the ingestion library (fetcher, checker) and the host's runner, decisions and scheduler.</summary>
    private static void AddSources(IServiceCollection services, IConfiguration configuration)
    {
        services.AddCatalogIngestion(configuration.GetSection(Matcher.Ingestion.IngestionOptions.Section));
        services.AddOptions<SourceSchedulerOptions>().Bind(configuration.GetSection(SourceSchedulerOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SourceRunner>();
        services.AddSingleton<SourceRegistry>();
        services.AddSingleton<ReviewDecisions>();
        services.AddSingleton<SourceScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<SourceScheduler>());
    }

    private static void AddDatabase(IServiceCollection services, IConfiguration configuration)
    {
        services.AddDbContextFactory<SqliteMatcherDbContext>((sp, o) =>
        {
            var connection = sp.GetRequiredService<IOptions<PortalOptions>>().Value.Database!;
            var dataSource = new SqliteConnectionStringBuilder(connection).DataSource;
            if (Path.GetDirectoryName(Path.GetFullPath(dataSource)) is { } dir)
            {
                Directory.CreateDirectory(dir);
            }

            o.UseSqlite(connection);
        });
        services.AddDbContextFactory<PostgresMatcherDbContext>((sp, o) => o.UseNpgsql(sp.GetRequiredService<IOptions<PortalOptions>>().Value.Database));
        services.AddSingleton<IDbContextFactory<MatcherDbContext>, MatcherDbContextFactory>();
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<MatcherDbContext>>().CreateDbContext());

        // One key ring for every replica: cookies, antiforgery tokens and encrypted student fields stay readable
        // whichever pod answers.
        var protection = services.AddDataProtection().SetApplicationName("Matcher.Portal").PersistKeysToDbContext<MatcherDbContext>();

        // In production the key ring is itself encrypted with a certificate mounted from a secret.
        if (configuration[$"{PortalOptions.Section}:{nameof(PortalOptions.KeyRingCertificatePath)}"] is { Length: > 0 } path)
        {
            var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                path, configuration[$"{PortalOptions.Section}:{nameof(PortalOptions.KeyRingCertificatePassword)}"]);
            protection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
    }

    private static void AddSecurity(IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = PortalAuthentication.Scheme;
                o.DefaultChallengeScheme = PortalAuthentication.Scheme;
            })
            .AddPolicyScheme(PortalAuthentication.Scheme, PortalAuthentication.Scheme, o =>
                // API keys are for the API; the pages are for people and take only the session cookie.
                o.ForwardDefaultSelector = ctx => ctx.Request.Headers.ContainsKey(PortalAuthentication.ApiKeyHeader)
                    && ctx.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
                    ? PortalAuthentication.ApiKeyScheme
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(PortalAuthentication.ApiKeyScheme, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "matcher.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => Deny(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => Deny(ctx, StatusCodes.Status403Forbidden);
        });
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<PortalOptions>>((o, portal) =>
            {
                if (portal.Value.SecureCookies)
                {
                    // ASVS 3.3.1: Secure, and a __Host- name so that no subdomain can set or shadow it.
                    o.Cookie.Name = "__Host-matcher.session";
                    o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                    o.Cookie.Path = "/";
                }
            });
        services.AddOptions<AntiforgeryOptions>().Configure<IOptions<PortalOptions>>((o, portal) =>
        {
            o.Cookie.Name = portal.Value.SecureCookies ? "__Host-matcher.af" : "matcher.af";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = portal.Value.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.Path = "/";
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddIdentityCore<PortalUser>(o =>
            {
                // Length, not composition rules (OWASP ASVS 5.0, 6.2.1 and 6.2.5).
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<MatcherDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddAuthorization(PortalPolicies.Add);
    }

    private static Task Deny(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private static void AddRateLimits(IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(MatchEndpoints.AnonymousRateLimit, http =>
            {
                var permits = http.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value.AnonymousMatchPermitsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(ClientKey(http), _ => AnonymousMatchLimiter.Window(permits));
            });
            o.AddPolicy(AuthEndpoints.LoginRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(ClientKey(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = http.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value.LoginPermitsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
            o.OnRejected = async (ctx, cancellationToken) =>
            {
                var culture = ApiProblems.Culture(ctx.HttpContext);
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    ctx.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await TypedResults.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: ApiProblems.Text(culture, "Demasiadas solicitudes", "Too many requests"),
                    detail: ApiProblems.Text(culture, "Espere un momento y vuelva a intentarlo.", "Wait a moment and try again.")).ExecuteAsync(ctx.HttpContext).ConfigureAwait(false);
            };
        });

    /// <summary>An API key's holder, else the client address: the unit a rate limit applies to.</summary>
    private static string ClientKey(HttpContext http) =>
        http.Request.Headers.TryGetValue(PortalAuthentication.ApiKeyHeader, out var key) && key.Count == 1
            ? "key:" + ApiKeyHasher.Hash(key[0]!)
            : CircuitClient.KeyOf(http);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
