using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Matcher.Catalog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Matcher.Portal.BrowserTests;

/// <summary>A provider registers its page, a change on it waits in the review queue, approval publishes it.</summary>
[Collection(PortalHost.Name)]
public sealed class SourceReviewFlowTests(PortalBrowser portal, ITestOutputHelper output)
{
    [Fact]
    public async Task Provider_registers_a_page_reviews_its_change_and_the_public_pages_show_it()
    {
        if (!portal.CanRun(output))
        {
            return;
        }

        // The provider's site, a real server on 127.0.0.1 whose page changes during the test.
        var deadline = "5 de octubre de 2025";
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        await using var site = builder.Build();
        site.Run(async context =>
        {
            context.Response.ContentType = context.Request.Path == "/robots.txt" ? "text/plain" : "text/html; charset=utf-8";
            await context.Response.WriteAsync(context.Request.Path == "/robots.txt"
                ? "User-agent: *\nAllow: /\n"
                : $"<html><body><nav>Inicio</nav><main><h1>Beca de fuentes</h1><p>Postulaciones hasta el {deadline}.</p></main></body></html>");
        });
        await site.StartAsync();
        var siteUrl = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/beca";

        // A published PRONABEC call that closes on 5 October 2025.
        var id = "fuente-navegador-" + Guid.NewGuid().ToString("N")[..6];
        using (var admin = await portal.AdminClientAsync())
        {
            var entry = JsonNode.Parse(Encoding.UTF8.GetString(CatalogFiles.Embedded().Single(f => f.Name.EndsWith("/beca18-2026-ordinaria.json", StringComparison.Ordinal)).Content.Span))!;
            entry["id"] = id;
            entry["name"] = new JsonObject { ["es"] = "Beca de fuentes navegador", ["en"] = "Sources browser scholarship" };
            (await admin.PostAsync(new Uri("/api/v1/calls", UriKind.Relative), new StringContent(entry.ToJsonString(), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
            using var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/calls/{id}/publish");
            publish.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            (await admin.SendAsync(publish)).EnsureSuccessStatusCode();
        }

        var name = await portal.CreateUserAsync("provider", providerId: await portal.ProviderIdAsync("PRONABEC"));
        var (page, errors) = await portal.NewPageAsync();
        await PortalBrowser.SignInAsync(page, name, PortalBrowser.UserPassword);
        await page.GotoAsync("/provider/sources");
        await PortalBrowser.WaitInteractiveAsync(page);
        await page.FillAsync("#source-url", siteUrl);
        await page.Locator("#source-url").DispatchEventAsync("change");
        await page.FillAsync("#source-call", id);
        await page.Locator("#source-call").DispatchEventAsync("change");
        await page.ClickAsync("#add-source");
        var row = page.Locator("#sources-grid tr.rz-data-row", new() { HasText = id });
        await Expect(row).ToContainTextAsync("new");
        await row.Locator(".check-now").ClickAsync();
        await Expect(row).ToContainTextAsync("no-field-changes");

        deadline = "20 de octubre de 2025";
        await row.Locator(".check-now").ClickAsync();
        await Expect(row).ToContainTextAsync("changed");
        await Expect(page.Locator(".rz-notification")).ToContainTextAsync("Hay un borrador para revisar");
        await portal.ScreenshotAsync(page, "provider-sources");

        await page.GotoAsync("/provider/reviews");
        await PortalBrowser.WaitInteractiveAsync(page);
        await Expect(page.Locator(".nav-reviews-pending")).ToBeVisibleAsync();
        await page.Locator("#reviews-grid tr.rz-data-row", new() { HasText = id }).ClickAsync();
        await Expect(page.Locator("#review-changes")).ToContainTextAsync("Cierre de postulación");
        await Expect(page.Locator("#review-changes .after")).ToContainTextAsync("2025-10-20");
        await Expect(page.Locator("#review-source-text")).ToContainTextAsync("20 de octubre de 2025");
        await portal.ScreenshotAsync(page, "provider-review");

        // Until approval the public catalog still shows the old deadline.
        Assert.Contains("\"closes\":\"2025-10-05\"", await PublicJsonAsync(id), StringComparison.Ordinal);
        await page.ClickAsync("#approve");
        await Expect(page.Locator(".rz-notification")).ToContainTextAsync("Publicado");
        Assert.Contains("\"closes\":\"2025-10-20\"", await PublicJsonAsync(id), StringComparison.Ordinal);

        var (pub, pubErrors) = await portal.NewPageAsync();
        await pub.GotoAsync("/becas");
        await PortalBrowser.WaitInteractiveAsync(pub);
        await pub.Locator("#scholarships-grid input").First.FillAsync(id);
        await pub.Locator("#scholarships-grid input").First.PressAsync("Enter");
        var publicRow = pub.Locator("#scholarships-grid tr.rz-data-row", new() { HasText = "Beca de fuentes navegador" });
        await Expect(publicRow).ToContainTextAsync(new DateOnly(2025, 10, 20).ToString("d", CultureInfo.GetCultureInfo("es-PE")));
        Assert.Empty(errors);
        Assert.Empty(pubErrors);
    }

    private async Task<string> PublicJsonAsync(string id)
    {
        using var client = new HttpClient { BaseAddress = portal.BaseAddress };
        return (await client.GetStringAsync(new Uri($"/api/v1/scholarships/{id}", UriKind.Relative))).Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
    }
}
