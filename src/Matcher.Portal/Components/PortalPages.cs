using System.Globalization;
using Matcher.Portal.Data.Entities;
using Matcher.Portal.Localization;
using Matcher.Portal.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Radzen;

namespace Matcher.Portal.Components;

/// <summary>The portal's pages: Blazor Server with Radzen components, Spanish first, English on request.</summary>
internal static class PortalPages
{
    /// <summary>Cultures of the pages, the first one the default.</summary>
    public static readonly string[] Cultures = ["es-PE", "en"];

    public static IServiceCollection AddMatcherPortalPages(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddRadzenComponents();
        services.AddSingleton<ILocalizer, PortalRadzenLocalizer>();
        services.AddCascadingAuthenticationState();
        services.AddSingleton<StudentDirectory>();
        services.AddSingleton<CallPreview>();
        services.AddSingleton<WeightsPreviewService>();
        services.AddSingleton<CohortStatistics>();
        services.AddSingleton<PeruMap>();
        services.AddSingleton<RankingMetrics>();
        services.AddSingleton<IScholarshipCallTextParser, CoreCallTextParser>();
        services.AddSingleton<Students.SavedAnswers>();

        // The public questionnaire's matches count against the same per-client limit as anonymous API matches.
        services.AddHttpContextAccessor();
        services.AddSingleton<Security.AnonymousMatchLimiter>();
        services.AddScoped<Security.CircuitClient>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, Security.CircuitClientHandler>();
        return services;
    }

    public static WebApplication UseMatcherPortalLocalization(this WebApplication app)
    {
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture(Cultures[0])
            .AddSupportedCultures(Cultures)
            .AddSupportedUICultures(Cultures);

        // Only the cookie set by the language switch and ?culture=; the page does not follow the browser's language,
        // so Spanish is what a student sees first.
        options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        app.UseRequestLocalization(options);
        return app;
    }

    public static WebApplication MapMatcherPortalPages(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

        app.MapGet("/culture/{name}", (HttpContext http, string name, string? returnUrl) =>
        {
            var culture = Cultures.FirstOrDefault(c => c.StartsWith(name, StringComparison.OrdinalIgnoreCase)) ?? Cultures[0];
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, IsEssential = true });
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).ExcludeFromDescription();

        app.MapPost("/Account/Logout", async (SignInManager<PortalUser> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync().ConfigureAwait(false);
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>Whether a return address stays on this site (no open redirect).</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    /// <summary>Whether the current UI culture is English.</summary>
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
