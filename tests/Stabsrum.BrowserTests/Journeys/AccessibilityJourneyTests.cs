using Stabsrum.BrowserTests.Infrastructure;
using Stabsrum.BrowserTests.Pages;
using Xunit.Abstractions;

namespace Stabsrum.BrowserTests.Journeys;

public sealed class AccessibilityJourneyTests(BrowserFixture browser, ITestOutputHelper output) : BrowserJourney(browser)
{
    private static readonly string[] KnownNavPages = ["/", "/haendelser", "/beredskab", "/moeder", "/maal", "/administration", "/administration/medlemmer", "/administration/revisionsspor"];

    [Fact]
    public async Task Every_page_reachable_from_the_navigation_and_user_menu_has_no_serious_WCAG_violations()
    {
        var login = await LoginPage.OpenAsync(Page);
        await AxeScan.AssertNoSeriousViolationsAsync(Page);

        var overview = await login.LogInAsync(DemoLogins.Administrator, DemoLogins.Password);
        var queue = new Queue<string>(await overview.Shell.LinkedPagesAsync());
        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        var scanned = new List<string>();
        while (queue.TryDequeue(out var path))
        {
            var response = await Page.GotoAsync(path);
            Assert.NotNull(response);
            Assert.True(response.Ok, $"{path} answered HTTP {response.Status}.");
            await AxeScan.AssertNoSeriousViolationsAsync(Page);
            scanned.Add(path);
            foreach (var next in await overview.Shell.LinkedPagesAsync())
            {
                if (seen.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        output.WriteLine("Scanned: " + string.Join(", ", scanned.Prepend(LoginPage.Path)));

        Assert.All(KnownNavPages, path => Assert.Contains(path, scanned));
    }
}
