using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Matcher.Portal.BrowserTests;

/// <summary>A student saves their answers with consent, comes back with the private code, and deletes them.</summary>
[Collection(PortalHost.Name)]
public sealed partial class SavedAnswersTests(PortalBrowser portal, ITestOutputHelper output)
{
    [GeneratedRegex("^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$")]
    private static partial Regex CodePattern();

    [Fact]
    public async Task Student_saves_with_consent_comes_back_with_the_code_and_deletes()
    {
        if (!portal.CanRun(output))
        {
            return;
        }

        var (page, errors) = await portal.NewPageAsync(360, 740);
        await page.GotoAsync("/");
        await PortalBrowser.WaitInteractiveAsync(page);

        // A minor (born 2010) who answers "no sé" to everything else.
        await page.FillAsync("#answer-text", "2010-05-14");
        await page.Locator("#answer-text").DispatchEventAsync("change");
        await page.ClickAsync("#next");
        for (var i = 0; i < 12 && await page.Locator("#group-eligible").CountAsync() == 0; i++)
        {
            await page.ClickAsync("#dont-know");
        }

        await Expect(page.Locator("#group-unknown h2")).ToContainTextAsync("Podrías postular");
        var unknownBefore = await page.Locator("#group-unknown .result-card").CountAsync();

        // Nothing is offered to be stored until the student asks; then what, why, who and until when are explained.
        await Expect(page.Locator("#save-explanation")).ToHaveCountAsync(0);
        await page.ClickAsync("#save-open");
        await Expect(page.Locator("#save-explanation")).ToContainTextAsync("Ley N.° 29733");
        await Expect(page.Locator("#save-explanation")).ToContainTextAsync("No pedimos tu nombre ni tu DNI");

        // Without consent, and for a minor without a guardian's, nothing is stored.
        await page.ClickAsync("#save-answers");
        await Expect(page.Locator("#save-problem")).ToContainTextAsync("Sin consentimiento no se guarda ningún dato");
        await page.ClickAsync("#consent-given");
        await page.ClickAsync("#save-answers");
        await Expect(page.Locator("#save-problem")).ToContainTextAsync("apoderado");
        await page.ClickAsync("#consent-guardian");
        await page.ClickAsync("#save-answers");

        // The code is shown once.
        await Expect(page.Locator("#saved-code")).ToBeVisibleAsync();
        var code = (await page.Locator("#saved-code").TextContentAsync())!.Trim();
        Assert.Matches(CodePattern(), code);
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"the page is {width} px wide at 360 px");
        await portal.ScreenshotAsync(page, "saved-answers-code-360");
        await page.ReloadAsync();
        await PortalBrowser.WaitInteractiveAsync(page);
        Assert.DoesNotContain(code, await page.ContentAsync(), StringComparison.Ordinal);

        // Another device: a wrong code is refused, the real one (typed in lower case, without dashes) opens the matches.
        var (other, otherErrors) = await portal.NewPageAsync(360, 740);
        await other.GotoAsync("/mis-respuestas");
        await PortalBrowser.WaitInteractiveAsync(other);
        await Expect(other.Locator("h1")).ToHaveTextAsync("Mis respuestas guardadas");
        await OpenAsync(other, "2222-2222-2222");
        await Expect(other.Locator("#code-problem")).ToContainTextAsync("No encontramos");
        await OpenAsync(other, code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant());
        await Expect(other.Locator("#group-unknown h2")).ToContainTextAsync("Podrías postular");
        Assert.Equal(unknownBefore, await other.Locator("#group-unknown .result-card").CountAsync());

        // Delete, after a confirmation; then the code no longer opens anything.
        await other.ClickAsync("#delete-answers");
        await other.GetByRole(AriaRole.Button, new() { Name = "Sí, borrar" }).ClickAsync();
        await Expect(other.Locator("#deleted")).ToContainTextAsync("Tu código ya no sirve");
        await other.GotoAsync("/mis-respuestas");
        await PortalBrowser.WaitInteractiveAsync(other);
        await OpenAsync(other, code);
        await Expect(other.Locator("#code-problem")).ToContainTextAsync("No encontramos");

        // The audit log says a student saved and deleted, under the access-code actor, and nothing more.
        var admin = await portal.NewPageAsync();
        await PortalBrowser.SignInAsync(admin.Page, "admin", PortalBrowser.AdminPassword);
        await admin.Page.GotoAsync("/admin/audit");
        await PortalBrowser.WaitInteractiveAsync(admin.Page);
        await Expect(admin.Page.GetByText("student.delete").First).ToBeVisibleAsync();
        Assert.DoesNotContain(code, await admin.Page.ContentAsync(), StringComparison.Ordinal);

        Assert.Empty(errors);
        Assert.Empty(otherErrors);
        Assert.Empty(admin.Errors);
    }

    private static async Task OpenAsync(IPage page, string code)
    {
        await page.FillAsync("#access-code", code);
        await page.Locator("#access-code").DispatchEventAsync("change");
        await page.ClickAsync("#open-answers");
    }
}
