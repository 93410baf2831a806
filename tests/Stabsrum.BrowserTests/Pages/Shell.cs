using Microsoft.Playwright;

namespace Stabsrum.BrowserTests.Pages;

/// <summary>The layout around every signed-in page: header with organisation switcher and user menu, main navigation.</summary>
public sealed class Shell(IPage page)
{
    public ILocator Header => page.GetByRole(AriaRole.Banner);

    public ILocator MainNav => page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu" });

    public ILocator OrganisationSelect => Header.GetByRole(AriaRole.Combobox, new() { Name = "Organisation" });

    public ILocator SwitchButton => Header.GetByRole(AriaRole.Button, new() { Name = "Skift", Exact = true });

    public ILocator LogOutButton => Header.GetByRole(AriaRole.Button, new() { Name = "Log ud", Exact = true });

    public async Task<OverviewPage> SwitchOrganisationAsync(string organisation)
    {
        await OrganisationSelect.SelectOptionAsync(new SelectOptionValue { Label = organisation });
        await SwitchButton.ClickAsync();
        return new OverviewPage(page);
    }

    public async Task<LoginPage> LogOutAsync()
    {
        await LogOutButton.ClickAsync();
        var login = new LoginPage(page);
        await login.ExpectShownAsync();
        return login;
    }

    /// <summary>
    /// The same-origin pages linked from the main navigation and the header (brand, user menu → /konto …),
    /// and from every section menu, as paths. Discovered, not listed, so pages added later are covered without touching the tests.
    /// </summary>
    public async Task<IReadOnlyList<string>> LinkedPagesAsync()
    {
        var hrefs = new List<string>();
        // Every navigation landmark (the main menu and a section's own menu, e.g. Administration) and the header.
        foreach (var region in (await page.GetByRole(AriaRole.Navigation).AllAsync()).Append(Header))
        {
            foreach (var link in await region.GetByRole(AriaRole.Link).AllAsync())
            {
                if (await link.GetAttributeAsync("href") is { } href)
                {
                    hrefs.Add(href);
                }
            }
        }

        var origin = new Uri(page.Url);
        return hrefs
            .Select(href => new Uri(origin, href))
            .Where(uri => uri.Authority == origin.Authority && uri.Scheme == origin.Scheme)
            .Select(uri => uri.PathAndQuery)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}
