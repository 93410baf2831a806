using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Stabsrum.BrowserTests.Pages;

/// <summary>The overview (/) of the current organisation.</summary>
public sealed class OverviewPage(IPage page)
{
    public Shell Shell { get; } = new(page);

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public async Task ExpectShownAsync() =>
        await Expect(Heading).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Overblik – "));

    public async Task ExpectOrganisationAsync(string organisation) =>
        await Expect(Heading).ToHaveTextAsync($"Overblik – {organisation}");
}
