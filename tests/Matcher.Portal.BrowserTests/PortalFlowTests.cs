using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Matcher.Portal.BrowserTests;

/// <summary>The portal's main flows in a real browser against the real host.</summary>
[Collection(PortalHost.Name)]
public sealed class PortalFlowTests(PortalBrowser portal, ITestOutputHelper output)
{
    [Fact]
    public async Task Student_answers_the_questionnaire_and_sees_grouped_results_on_a_phone()
    {
        if (!portal.CanRun(output))
        {
            return;
        }

        var (page, errors) = await portal.NewPageAsync(360, 740);
        await page.GotoAsync("/");
        await PortalBrowser.WaitInteractiveAsync(page);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Encuentra tu beca");

        // Birth date, nationality, then "no sé" for the district; everything else answered or "no sé".
        await page.FillAsync("#answer-text", "2008-05-14");
        await page.Locator("#answer-text").DispatchEventAsync("change");
        await page.ClickAsync("#next");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Peruana", Exact = true }).ClickAsync();
        await page.ClickAsync("#next");
        await Expect(page.Locator("#question-prompt")).ToContainTextAsync("distrito");
        await page.ClickAsync("#dont-know");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Pobre extremo", Exact = true }).ClickAsync();
        await page.ClickAsync("#next");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Básica Regular (EBR)", Exact = true }).ClickAsync();
        await page.ClickAsync("#next");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Estoy en el último año", Exact = true }).ClickAsync();
        await page.ClickAsync("#next");

        // A bad number is refused with a message naming the range.
        await page.FillAsync("#answer-text", "3000");
        await page.Locator("#answer-text").DispatchEventAsync("change");
        await page.ClickAsync("#next");
        await Expect(page.Locator("#step-problem")).ToContainTextAsync("1980");
        await page.FillAsync("#answer-text", "2025");
        await page.Locator("#answer-text").DispatchEventAsync("change");
        await page.ClickAsync("#next");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Público", Exact = true }).ClickAsync();
        await page.ClickAsync("#next");
        for (var step = 10; step <= 13; step++)
        {
            await page.ClickAsync("#dont-know");
            await Expect(page.Locator("#step-counter")).ToHaveTextAsync($"Pregunta {step} de 13");
        }

        // The last step must be answered too: "see results" without an answer is refused.
        await page.ClickAsync("#see-results");
        await Expect(page.Locator("#step-problem")).ToContainTextAsync("No sé");
        await page.GetByRole(AriaRole.Radio, new() { Name = "No", Exact = true }).ClickAsync();
        await page.ClickAsync("#see-results");
        await Expect(page.Locator("#group-eligible h2")).ToContainTextAsync("Puedes postular");
        await Expect(page.Locator("#group-unknown h2")).ToContainTextAsync("Podrías postular");
        await Expect(page.Locator("#group-ineligible h2")).ToContainTextAsync("No cumples");

        // Unknown facts were left out, so some calls are "might apply", each saying what is missing.
        Assert.True(await page.Locator("#group-unknown .result-card").CountAsync() > 0);
        await Expect(page.Locator("#group-unknown .result-card").First).ToContainTextAsync("Falta saber");
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"the page is {width} px wide at 360 px");
        await portal.ScreenshotAsync(page, "questionnaire-results-360");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Counselor_uploads_a_class_of_40_matches_and_exports()
    {
        if (!portal.CanRun(output))
        {
            return;
        }

        var name = await portal.CreateUserAsync("counselor");
        var (page, errors) = await portal.NewPageAsync();
        await PortalBrowser.SignInAsync(page, name, PortalBrowser.UserPassword);
        await page.GotoAsync("/counselor");
        await PortalBrowser.WaitInteractiveAsync(page);
        await Expect(page.Locator("#student-count")).ToContainTextAsync("0 ");

        var csv = new StringBuilder("id,birthDate,nationality,sisfoh.classification,basicEducation.status,basicEducation.modality,basicEducation.academicRank,nativeLanguages\n");
        for (var i = 1; i <= 40; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"st-{i:D3},{2006 + (i % 3)}-0{1 + (i % 9)}-1{i % 9},PE,{(i % 2 == 0 ? "poor" : "extremePoor")},graduated,ebr,{(i % 4 == 0 ? "topHalf" : "topThird")},{(i % 5 == 0 ? "quechua" : "")}\n");
        }

        csv.Append("st-bad,not-a-date,PE,,,,,\n");
        await page.SetInputFilesAsync("#csv-file", new FilePayload { Name = "clase.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) });
        await Expect(page.Locator("#import-summary")).ToContainTextAsync("40 filas válidas");
        await Expect(page.Locator("#import-errors")).ToContainTextAsync("birthDate");
        await page.ClickAsync("#consent");
        await page.ClickAsync("#save-students");
        await Expect(page.Locator("#student-count")).ToContainTextAsync("40 ");

        await page.ClickAsync("#match-all");
        await Expect(page.Locator("#match-status")).ToContainTextAsync("40 / 40");
        await Expect(page.Locator("#results-grid tr.rz-data-row")).ToHaveCountAsync(10);
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-csv"));
        var path = Path.Combine(portal.ArtifactDirectory, "counselor-export.csv");
        await download.SaveAsAsync(path);
        var lines = await File.ReadAllLinesAsync(path);
        Assert.StartsWith("StudentId,ScholarshipId", lines[0], StringComparison.Ordinal);
        Assert.Equal(40, lines.Skip(1).Select(l => l.Split(',')[0]).Distinct(StringComparer.Ordinal).Count());
        await portal.ScreenshotAsync(page, "counselor-results");

        // Printing gives one sheet per student.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("#print-sheets .print-sheet")).ToHaveCountAsync(40);
        await Expect(page.Locator("#results-grid")).ToBeHiddenAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Provider_publishes_a_call_that_then_appears_on_the_public_pages()
    {
        if (!portal.CanRun(output))
        {
            return;
        }

        var name = await portal.CreateUserAsync("provider", providerId: 1);
        var (page, errors) = await portal.NewPageAsync();
        await PortalBrowser.SignInAsync(page, name, PortalBrowser.UserPassword);
        await page.GotoAsync("/provider");
        await PortalBrowser.WaitInteractiveAsync(page);
        await page.ClickAsync("#new-call");
        var id = "beca-prueba-" + Guid.NewGuid().ToString("N")[..6];
        await page.FillAsync("#call-id", id);
        await page.FillAsync("#call-name-es", "Beca de prueba navegador");
        await page.Locator("#call-name-es").DispatchEventAsync("change");
        await page.Locator("#call-id").DispatchEventAsync("change");

        // One structured requirement: nationality PE.
        await page.ClickAsync("#new-criterion-type");
        await page.GetByRole(AriaRole.Option, new() { Name = "Nacionalidad" }).ClickAsync();
        await page.ClickAsync("#add-criterion");
        await page.Locator(".criterion-row input.field-in").FillAsync("PE");
        await page.Locator(".criterion-row input.field-in").DispatchEventAsync("change");
        await page.ClickAsync("#preview");
        await Expect(page.Locator("#preview-counts")).ToContainTextAsync("Cohorte de demostración (40)");
        await page.ClickAsync("#save-draft");
        await Expect(page.Locator("#call-editor h2")).ToContainTextAsync(id);
        await page.ClickAsync("#publish");
        await Expect(page.Locator("#call-editor h2")).ToContainTextAsync("publicada");
        await portal.ScreenshotAsync(page, "provider-editor");

        var (pub, pubErrors) = await portal.NewPageAsync();
        await pub.GotoAsync("/becas");
        await PortalBrowser.WaitInteractiveAsync(pub);
        await pub.Locator("#scholarships-grid input").First.FillAsync(id);
        await pub.Locator("#scholarships-grid input").First.PressAsync("Enter");
        await Expect(pub.Locator("#scholarships-grid")).ToContainTextAsync("Beca de prueba navegador");
        Assert.Empty(errors);
        Assert.Empty(pubErrors);
    }

    [Fact]
    public async Task Admin_changes_weights_and_the_preview_reorders()
    {
        if (!portal.CanRun(output))
        {
            return;
        }

        var (page, errors) = await portal.NewPageAsync();
        await PortalBrowser.SignInAsync(page, "admin", PortalBrowser.AdminPassword);
        await page.GotoAsync("/admin/weights");
        await PortalBrowser.WaitInteractiveAsync(page);
        await Expect(page.Locator("#mean-kendall")).ToHaveTextAsync("1.000");
        await Expect(page.Locator("#changed-topk")).ToHaveTextAsync("0");

        // Drag the need slider to 0 and merit to the top: rankings change.
        await DragAsync(page, ".weight-need", 0);
        await Expect(page.Locator(".weight-value-need")).ToHaveTextAsync("0");
        await DragAsync(page, ".weight-merit", 1);
        await Expect(page.Locator(".weight-value-merit")).Not.ToHaveTextAsync("20");
        await Expect(page.Locator("#mean-kendall")).Not.ToHaveTextAsync("1.000");
        Assert.NotEqual("0", await page.Locator("#changed-topk").TextContentAsync());
        await portal.ScreenshotAsync(page, "admin-weights-preview");
        Assert.Empty(errors);
    }

    /// <summary>Drags a Radzen slider's handle to a fraction of its track, as a user does.</summary>
    private static async Task DragAsync(IPage page, string slider, float fraction)
    {
        var track = (await page.Locator(slider).BoundingBoxAsync())!;
        var handle = (await page.Locator(slider + " .rz-slider-handle").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(handle.X + (handle.Width / 2), handle.Y + (handle.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(track.X + (track.Width * fraction) + (fraction == 0 ? -20f : 20f), track.Y + (track.Height / 2), new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }

    [Fact]
    public async Task Analyst_map_renders_every_department()
    {
        if (!portal.CanRun(output))
        {
            return;
        }

        var name = await portal.CreateUserAsync("analyst");
        var (page, errors) = await portal.NewPageAsync(1280, 1800);
        await PortalBrowser.SignInAsync(page, name, PortalBrowser.UserPassword);
        await page.GotoAsync("/analyst");
        await PortalBrowser.WaitInteractiveAsync(page);
        await Expect(page.Locator("#peru-map svg path.department")).ToHaveCountAsync(25);
        await Expect(page.Locator("#map-attribution")).ToContainTextAsync("MPL-2.0");
        await Expect(page.Locator("#by-gender")).ToBeVisibleAsync();

        // The seeded demo cohort lives in 16 departments: the map tells them apart, and the other nine are "sin datos".
        var fills = await page.Locator("#peru-map svg path.department").EvaluateAllAsync<string[]>("ps => ps.map(p => p.getAttribute('fill'))");
        Assert.True(fills.Distinct().Count() >= 3, "fills: " + string.Join(", ", fills.Distinct()));
        Assert.Contains("url(#map-no-data)", fills);
        var legend = await page.Locator("#map-legend li").EvaluateAllAsync<string[]>("ls => ls.map(l => l.dataset.fill)");
        Assert.Subset(legend.ToHashSet(), fills.ToHashSet());
        await page.Locator("#peru-map").ScreenshotAsync(new() { Path = Path.Combine(portal.ArtifactDirectory, "analyst-map.png") });

        // Another measure recolours the map; its table and CSV are there for screen readers and spreadsheets.
        var beca18 = string.Join(",", fills);
        await page.GetByText("Convocatorias elegibles por estudiante (promedio)").First.ClickAsync();
        await Expect(page.Locator("#map-title")).ToContainTextAsync("Convocatorias elegibles");
        var mean = await page.Locator("#peru-map svg path.department").EvaluateAllAsync<string[]>("ps => ps.map(p => p.getAttribute('fill'))");
        Assert.True(mean.Distinct().Count() >= 3, "fills: " + string.Join(", ", mean.Distinct()));
        await page.ClickAsync("#map-table-details summary");
        await Expect(page.Locator("#map-table tbody tr")).ToHaveCountAsync(25);
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-map"));
        Assert.Equal("matcher-mapa-departamentos.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Equal(26, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.NotEqual(beca18, string.Join(",", mean));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Provider_imports_a_call_from_its_text_and_saves_the_draft()
    {
        if (!portal.CanRun(output))
        {
            return;
        }

        var name = await portal.CreateUserAsync("provider", providerId: 1);
        var (page, errors) = await portal.NewPageAsync();
        await PortalBrowser.SignInAsync(page, name, PortalBrowser.UserPassword);
        await page.GotoAsync("/provider/import");
        await PortalBrowser.WaitInteractiveAsync(page);
        var title = "Beca Importada " + Guid.NewGuid().ToString("N")[..6] + " 2027";
        await page.FillAsync("#call-text", title + "\nPostulación del 2 de marzo al 30 de abril de 2027.\nPara menores de 25 años.");
        await page.Locator("#call-text").DispatchEventAsync("change");
        await page.ClickAsync("#parse");
        await Expect(page.Locator("#import-name-es")).ToHaveValueAsync(title);
        await Expect(page.Locator(".criterion-row[data-type=age]")).ToHaveCountAsync(1);
        await portal.ScreenshotAsync(page, "provider-import");
        await page.ClickAsync("#import-save");
        await Expect(page.Locator(".rz-notification-item")).ToContainTextAsync("Borrador guardado");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task No_page_logs_a_console_error()
    {
        if (!portal.CanRun(output))
        {
            return;
        }

        var (page, errors) = await portal.NewPageAsync();
        await PortalBrowser.SignInAsync(page, "admin", PortalBrowser.AdminPassword);
        foreach (var path in new[] { "/", "/becas", "/counselor", "/provider", "/provider/import", "/provider/sources", "/provider/reviews", "/analyst", "/admin/users", "/admin/keys", "/admin/weights", "/admin/audit", "/Account/AccessDenied" })
        {
            await page.GotoAsync(path);
            await PortalBrowser.WaitInteractiveAsync(page);
            await Expect(page.Locator("h1")).ToBeVisibleAsync();
        }

        // The key is shown once, in full, and only its prefix stays in the list.
        await page.GotoAsync("/admin/keys");
        await PortalBrowser.WaitInteractiveAsync(page);
        await page.FillAsync("#key-name", "app de prueba");
        await page.Locator("#key-name").DispatchEventAsync("change");
        await page.Locator("#key-scopes .rz-chkbox-box").First.ClickAsync();
        await page.ClickAsync("#create-key");
        var key = await page.Locator("#new-key").TextContentAsync();
        Assert.StartsWith("mk_", key, StringComparison.Ordinal);
        await page.ReloadAsync();
        await PortalBrowser.WaitInteractiveAsync(page);
        await Expect(page.Locator("#keys-grid")).ToContainTextAsync(key![..10]);
        Assert.DoesNotContain(key, await page.ContentAsync(), StringComparison.Ordinal);
        await page.GotoAsync("/admin/audit");
        await PortalBrowser.WaitInteractiveAsync(page);
        await Expect(page.Locator("#audit-grid")).ToContainTextAsync("apikey.create");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Counselors_see_only_their_own_students_and_providers_only_their_calls()
    {
        if (!portal.CanRun(output))
        {
            return;
        }

        var first = await portal.CreateUserAsync("counselor");
        var (page, errors) = await portal.NewPageAsync();
        await PortalBrowser.SignInAsync(page, first, PortalBrowser.UserPassword);
        await page.GotoAsync("/counselor");
        await PortalBrowser.WaitInteractiveAsync(page);
        await page.SetInputFilesAsync("#csv-file", new FilePayload { Name = "dos.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("id,nationality\nown-1,PE\nown-2,PE\n") });
        await Expect(page.Locator("#import-summary")).ToContainTextAsync("2 filas válidas");
        await page.ClickAsync("#consent");
        await page.ClickAsync("#save-students");
        await Expect(page.Locator("#student-count")).ToContainTextAsync("2 ");

        // Signing out ends the session; the second counselor sees none of the first one's students.
        await page.ClickAsync("#logout");
        await Expect(page.Locator("#login-link")).ToBeVisibleAsync();
        var second = await portal.CreateUserAsync("counselor");
        await PortalBrowser.SignInAsync(page, second, PortalBrowser.UserPassword);
        await page.GotoAsync("/counselor");
        await PortalBrowser.WaitInteractiveAsync(page);
        await Expect(page.Locator("#student-count")).ToContainTextAsync("0 ");

        var provider = await portal.CreateUserAsync("provider", providerId: 2);
        var (own, ownErrors) = await portal.NewPageAsync();
        await PortalBrowser.SignInAsync(own, provider, PortalBrowser.UserPassword);
        await own.GotoAsync("/provider");
        await PortalBrowser.WaitInteractiveAsync(own);
        var providers = await own.Locator("#calls-grid tr.rz-data-row td:nth-child(2)").AllTextContentsAsync();
        Assert.NotEmpty(providers);
        Assert.Single(providers.Select(p => p.Trim()).Distinct(StringComparer.Ordinal));
        Assert.Empty(errors);
        Assert.Empty(ownErrors);
    }

    [Theory]
    [InlineData("counselor", "/admin/weights")]
    [InlineData("counselor", "/provider")]
    [InlineData("provider", "/counselor")]
    [InlineData("provider", "/analyst")]
    [InlineData("analyst", "/admin/users")]
    [InlineData("analyst", "/counselor")]
    public async Task Each_role_is_refused_the_other_roles_pages(string role, string path)
    {
        if (!portal.CanRun(output))
        {
            return;
        }

        var name = await portal.CreateUserAsync(role, role == "provider" ? 1 : null);
        var (page, _) = await portal.NewPageAsync();
        await PortalBrowser.SignInAsync(page, name, PortalBrowser.UserPassword);
        await page.GotoAsync(path);
        await Expect(page.Locator("#access-denied")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_english_is_switchable()
    {
        if (!portal.CanRun(output))
        {
            return;
        }

        var (page, errors) = await portal.NewPageAsync();
        await page.GotoAsync("/admin/audit");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login\\?ReturnUrl=%2Fadmin%2Faudit"));
        await page.GotoAsync("/");
        await PortalBrowser.WaitInteractiveAsync(page);
        await page.ClickAsync("#lang-switch");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Find your scholarship");
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", "wrong-password-123");
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("#login-error")).ToContainTextAsync("Wrong user name or password");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Every_page_runs_under_the_strict_content_security_policy_without_a_violation()
    {
        if (!portal.CanRun(output))
        {
            return;
        }

        var (page, errors) = await portal.NewPageAsync();

        // Chromium reports each blocked script, style or connection as a securitypolicyviolation event.
        await page.AddInitScriptAsync("window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));");
        var policies = new List<string>();
        page.Response += (_, r) =>
        {
            if (r.Request.ResourceType == "document" && r.Headers.TryGetValue("content-security-policy", out var csp))
            {
                policies.Add(csp);
            }
        };
        await PortalBrowser.SignInAsync(page, "admin", PortalBrowser.AdminPassword);
        var paths = new[] { "/", "/becas", "/counselor", "/provider", "/provider/import", "/analyst", "/admin/users", "/admin/keys", "/admin/weights", "/admin/audit" };
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await PortalBrowser.WaitInteractiveAsync(page);
            await Expect(page.Locator("h1")).ToBeVisibleAsync();
            Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__csp"));
        }

        Assert.True(policies.Count >= paths.Length, "every page is served with a Content-Security-Policy header");
        Assert.All(policies, csp =>
        {
            Assert.Contains("script-src 'self';", csp + ";", StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        });
        Assert.Empty(errors);
    }
}
