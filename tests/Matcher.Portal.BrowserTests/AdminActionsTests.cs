using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Matcher.Portal.BrowserTests;

/// <summary>The admin pages' role changes, lockout and model upload, with the API's checks and audit.</summary>
[Collection(PortalHost.Name)]
public sealed class AdminActionsTests(PortalBrowser portal, ITestOutputHelper output)
{
    [Fact]
    public async Task Admin_changes_a_users_roles_and_the_new_role_opens_its_page()
    {
        if (!portal.CanRun(output))
        {
            return;
        }

        var name = await portal.CreateUserAsync("counselor");
        var (admin, errors) = await AdminPageAsync("/admin/users");
        var row = Row(admin, name);
        await row.GetByText("analista", new() { Exact = true }).ClickAsync();
        await row.Locator(".save-roles").ClickAsync();
        await Expect(admin.Locator(".rz-notification")).ToContainTextAsync("Roles guardados");

        // The page shows what is stored after a reload, and the user now reaches the analyst's page.
        await admin.ReloadAsync();
        await PortalBrowser.WaitInteractiveAsync(admin);
        await Expect(Row(admin, name).Locator(".rz-state-active")).ToHaveCountAsync(2);
        var (user, userErrors) = await portal.NewPageAsync();
        await PortalBrowser.SignInAsync(user, name, PortalBrowser.UserPassword);
        await user.GotoAsync("/analyst");
        await Expect(user.Locator("h1")).ToHaveTextAsync("Análisis");

        // An admin cannot take their own admin role away (the API's rule).
        var self = Row(admin, "admin");
        await self.Locator("td:nth-child(2)").GetByText("administrador", new() { Exact = true }).ClickAsync();
        await self.Locator(".save-roles").ClickAsync();
        await Expect(admin.Locator(".rz-notification").Last).ToContainTextAsync("No puede quitarse a sí mismo el rol admin");
        await portal.ScreenshotAsync(admin, "admin-users");

        await admin.GotoAsync("/admin/audit");
        await PortalBrowser.WaitInteractiveAsync(admin);
        await Expect(admin.GetByText("user.roles").First).ToBeVisibleAsync();
        Assert.Empty(errors);
        Assert.Empty(userErrors);
    }

    [Fact]
    public async Task Admin_locks_a_user_out_after_confirming_and_unlocks_them()
    {
        if (!portal.CanRun(output))
        {
            return;
        }

        var name = await portal.CreateUserAsync("provider", providerId: 1);
        var (admin, errors) = await AdminPageAsync("/admin/users");

        // Cancelling the dialog changes nothing.
        await Row(admin, name).Locator(".lock-user").ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Cancelar" }).ClickAsync();
        await Expect(Row(admin, name).Locator(".user-state")).ToHaveTextAsync("Activo");

        await Row(admin, name).Locator(".lock-user").ClickAsync();
        await Expect(admin.Locator(".rz-dialog")).ToContainTextAsync("¿Bloquear al usuario?");
        await admin.Locator(".rz-dialog").GetByRole(AriaRole.Button, new() { Name = "Bloquear" }).ClickAsync();
        await Expect(Row(admin, name).Locator(".user-state")).ToHaveTextAsync("Bloqueado");

        // A locked-out user is refused at sign-in.
        var (user, _) = await portal.NewPageAsync();
        await user.GotoAsync("/Account/Login");
        await user.FillAsync("#username", name);
        await user.FillAsync("#password", PortalBrowser.UserPassword);
        await user.ClickAsync("#login-submit");
        await Expect(user.Locator("#login-error")).ToBeVisibleAsync();

        await Row(admin, name).Locator(".unlock-user").ClickAsync();
        await admin.Locator(".rz-dialog").GetByRole(AriaRole.Button, new() { Name = "Desbloquear" }).ClickAsync();
        await Expect(Row(admin, name).Locator(".user-state")).ToHaveTextAsync("Activo");
        await PortalBrowser.SignInAsync(user, name, PortalBrowser.UserPassword);
        await user.GotoAsync("/provider");
        await Expect(user.Locator("h1")).Not.ToHaveTextAsync("Acceso denegado");

        await admin.GotoAsync("/admin/audit");
        await PortalBrowser.WaitInteractiveAsync(admin);
        await Expect(admin.GetByText("user.lock", new() { Exact = true }).First).ToBeVisibleAsync();
        await Expect(admin.GetByText("user.unlock", new() { Exact = true }).First).ToBeVisibleAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Admin_uploads_a_model_a_bad_file_is_refused_with_the_reason()
    {
        if (!portal.CanRun(output))
        {
            return;
        }

        var (admin, errors) = await AdminPageAsync("/admin/weights");
        await admin.Locator("#model-file").SetInputFilesAsync(new FilePayload { Name = "basura.zip", MimeType = "application/zip", Buffer = Encoding.UTF8.GetBytes("not a model") });
        await Expect(admin.Locator("#upload-model")).ToBeEnabledAsync();
        await admin.ClickAsync("#upload-model");
        await Expect(admin.Locator("#model-problem")).ToContainTextAsync("El archivo no es un modelo utilizable");
        await Expect(admin.Locator("#models-grid")).Not.ToContainTextAsync("basura");

        // A LightGBM ranker trained on simulated outcomes: its kind is taken from the extension, and it is kept inactive.
        await admin.Locator("#model-file").SetInputFilesAsync(new FilePayload { Name = "ranker-simulado.zip", MimeType = "application/zip", Buffer = TrainModel() });
        await Expect(admin.Locator("div#model-kind")).ToContainTextAsync("lightgbm");
        await admin.ClickAsync("#upload-model");
        await Expect(admin.Locator(".rz-notification")).ToContainTextAsync("Modelo subido");
        await Expect(admin.Locator("#models-grid")).ToContainTextAsync("ranker-simulado");
        await Expect(admin.Locator("#models-grid tr.rz-data-row")).ToHaveCountAsync(1);
        await Expect(admin.Locator("#model-problem")).ToHaveCountAsync(0);
        await portal.ScreenshotAsync(admin, "admin-model-upload");

        await admin.GotoAsync("/admin/audit");
        await PortalBrowser.WaitInteractiveAsync(admin);
        await Expect(admin.GetByText("model.upload", new() { Exact = true }).First).ToBeVisibleAsync();
        Assert.Empty(errors);
    }

    private async Task<(IPage Page, List<string> Errors)> AdminPageAsync(string path)
    {
        var (page, errors) = await portal.NewPageAsync();
        await PortalBrowser.SignInAsync(page, "admin", PortalBrowser.AdminPassword);
        await page.GotoAsync(path);
        await PortalBrowser.WaitInteractiveAsync(page);
        return (page, errors);
    }

    private static ILocator Row(IPage page, string userName) =>
        page.Locator("#users-grid tr.rz-data-row").Filter(new() { Has = page.Locator("td:first-child").GetByText(userName, new() { Exact = true }) });

    private static byte[] TrainModel()
    {
        using var services = new ServiceCollection().AddScholarshipMatcher().Services.BuildServiceProvider();
        var outcomes = Matcher.MLNet.Simulation.OutcomeSimulator.Simulate(services, new Matcher.MLNet.Simulation.OutcomeSimulationOptions { Students = 300 });
        var path = Path.Combine(Directory.CreateTempSubdirectory("matcher-model-").FullName, "ranker.zip");
        Matcher.MLNet.Ranking.LightGbmRankerTrainer.Train(services, outcomes, path);
        return File.ReadAllBytes(path);
    }
}
