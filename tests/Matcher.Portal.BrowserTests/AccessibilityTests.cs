using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Matcher.Portal.BrowserTests;

/// <summary>
/// axe-core on every page for the role that uses it: no serious or critical violation (labels, landmarks, contrast,
/// <c>lang</c>, names of controls, alt text); and every public page fits a 360 px phone without scrolling sideways.
/// </summary>
[Collection(PortalHost.Name)]
public sealed class AccessibilityTests(PortalBrowser portal, ITestOutputHelper output)
{
    public static TheoryData<string, string> Pages => new()
    {
        { "", "/" },
        { "", "/becas" },
        { "", "/mis-respuestas" },
        { "", "/Account/Login" },
        { "counselor", "/counselor" },
        { "provider", "/provider" },
        { "provider", "/provider/import" },
        { "analyst", "/analyst" },
        { "analyst", "/Account/AccessDenied" },
        { "admin", "/admin/users" },
        { "admin", "/admin/keys" },
        { "admin", "/admin/weights" },
        { "admin", "/admin/audit" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_has_no_serious_or_critical_axe_violation(string role, string path)
    {
        if (!portal.CanRun(output))
        {
            return;
        }

        var (page, errors) = await portal.NewPageAsync();
        if (role.Length > 0)
        {
            var user = role == "admin" ? "admin" : await portal.CreateUserAsync(role, role == "provider" ? 1 : null);
            await PortalBrowser.SignInAsync(page, user, role == "admin" ? PortalBrowser.AdminPassword : PortalBrowser.UserPassword);
        }

        await page.GotoAsync(path);
        await PortalBrowser.WaitInteractiveAsync(page);
        await AssertAccessibleAsync(page, path);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Questionnaire_results_and_the_save_form_have_no_serious_or_critical_axe_violation()
    {
        if (!portal.CanRun(output))
        {
            return;
        }

        var (page, errors) = await portal.NewPageAsync(360, 740);
        await page.GotoAsync("/");
        await PortalBrowser.WaitInteractiveAsync(page);
        await AssertAccessibleAsync(page, "/ (first question)");
        for (var i = 0; i < 13 && await page.Locator("#group-eligible").CountAsync() == 0; i++)
        {
            await page.ClickAsync("#dont-know");
        }

        await page.ClickAsync("#save-open");
        await Expect(page.Locator("#save-explanation")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "/ (results and the save form)");
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/becas")]
    [InlineData("/mis-respuestas")]
    [InlineData("/Account/Login")]
    [InlineData("/Account/AccessDenied")]
    public async Task Public_page_fits_a_360_px_phone(string path)
    {
        if (!portal.CanRun(output))
        {
            return;
        }

        var (page, errors) = await portal.NewPageAsync(360, 740);
        await page.GotoAsync(path);
        await PortalBrowser.WaitInteractiveAsync(page);

        // The layout settles after the circuit starts (the sidebar collapses with a transition): allow it a moment.
        try
        {
            await page.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= 360", null, new() { Timeout = 5000 });
        }
        catch (TimeoutException)
        {
            // Measured and reported below.
        }

        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var widest = width <= 360 ? "" : await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 360)"
            + ".map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : ''))"
            + ".slice(0, 5).join(', ')");
        Assert.True(width <= 360, $"{path} is {width} px wide at 360 px; past the edge: {widest}");
        Assert.Empty(errors);
    }

    private static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{what}: " + string.Join("\n", serious.Select(Describe)));
    }

    private static string Describe(AxeResultItem v) =>
        $"{v.Impact} {v.Id} ({v.Help}): " + string.Join(" | ", v.Nodes.Take(5).Select(n => n.Target + " " + n.Html[..Math.Min(n.Html.Length, 160)]));
}
