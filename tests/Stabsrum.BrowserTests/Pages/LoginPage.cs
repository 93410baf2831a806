using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Stabsrum.BrowserTests.Pages;

/// <summary>/konto/log-ind.</summary>
public sealed class LoginPage(IPage page)
{
    public const string Path = "/konto/log-ind";
    public const string WrongCredentialsMessage = "Forkert e-mail eller adgangskode.";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Log ind", Level = 1 });

    public ILocator Email => page.GetByLabel("E-mail", new() { Exact = true });

    public ILocator Password => page.GetByLabel("Adgangskode", new() { Exact = true });

    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = "Log ind", Exact = true });

    public ILocator Error => page.GetByRole(AriaRole.Alert).Filter(new() { HasText = WrongCredentialsMessage });

    public ILocator SkipLink => page.GetByRole(AriaRole.Link, new() { Name = "Spring til indhold" });

    public static async Task<LoginPage> OpenAsync(IPage page)
    {
        await page.GotoAsync(Path);
        var login = new LoginPage(page);
        await login.ExpectShownAsync();
        return login;
    }

    public async Task ExpectShownAsync()
    {
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/konto/log-ind"));
        await Expect(Heading).ToBeVisibleAsync();
    }

    public async Task SubmitAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await Submit.ClickAsync();
    }

    /// <summary>Logs in and lands on the overview of the user's current organisation.</summary>
    public async Task<OverviewPage> LogInAsync(string email, string password)
    {
        await SubmitAsync(email, password);
        var overview = new OverviewPage(page);
        await overview.ExpectShownAsync();
        return overview;
    }
}
