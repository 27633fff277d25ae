using Matcher.Catalog;
using Matcher.Portal.Api;
using Matcher.Portal.Catalog;
using Matcher.Portal.Components;
using Matcher.Portal.Data;
using Matcher.Portal.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Prometheus;
using Scalar.AspNetCore;

namespace Matcher.Portal.Extensions;

/// <summary>The request pipeline and the endpoints; <c>Program.cs</c> calls these.</summary>
internal static class PortalApplicationExtensions
{
    /// <summary>Migrates and seeds the database and loads the catalog before the host answers.</summary>
    public static async Task InitializeMatcherPortalAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping).ConfigureAwait(false);
        await app.Services.GetRequiredService<ICatalogProvider>().ReloadAsync(app.Lifetime.ApplicationStopping).ConfigureAwait(false);
        await app.Services.GetRequiredService<CatalogWatcher>().CheckAsync(app.Lifetime.ApplicationStopping).ConfigureAwait(false);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                Console.WriteLine($"Matcher escucha en / listening on {address} — API: {address}/scalar/v1 · salud: {address}/health/ready");
            }
        });
    }

    public static WebApplication UseMatcherPortal(this WebApplication app)
    {
        app.UseMatcherForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.Use(static (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                // Answers can hold a student's data: never cached by a browser or a proxy (ASVS 14.3.2).
                context.Response.Headers.CacheControl = "no-store";
            }

            return next(context);
        });
        app.UseHttpMetrics();
        app.UseMatcherPortalLocalization();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapMatcherPortal(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapMatchEndpoints()
            .MapScholarshipEndpoints()
            .MapCallEndpoints()
            .MapSourceEndpoints()
            .MapReviewEndpoints()
            .MapParseEndpoints()
            .MapStudentEndpoints()
            .MapOutcomeEndpoints()
            .MapSettingsEndpoints()
            .MapAdminEndpoints()
            .MapAuthEndpoints();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = r => r.Tags.Contains("ready") });
        app.MapMetrics("/metrics");
        app.MapOpenApi();
        app.MapScalarApiReference();

        // The public "Encuentra tu beca" page takes "/"; the API reference stays at /scalar/v1.
        app.MapMatcherPortalPages();
        return app;
    }
}
