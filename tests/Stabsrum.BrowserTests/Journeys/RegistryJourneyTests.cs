using System.Text;
using Microsoft.Playwright;
using Stabsrum.BrowserTests.Infrastructure;
using Stabsrum.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Stabsrum.BrowserTests.Journeys;

public sealed class RegistryJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    [Fact]
    public async Task A_planner_adds_a_key_person_with_a_substitute_puts_them_on_the_activation_list_and_downloads_the_beredskabsmappe()
    {
        var login = await LoginPage.OpenAsync(Page);
        var overview = await login.LogInAsync(DemoLogins.Administrator, DemoLogins.Password);
        await overview.Shell.SwitchOrganisationAsync("Vallensbæk Kommune");
        var name = "Journey Jensen " + Guid.NewGuid().ToString("N")[..6];

        await Page.GotoAsync("/beredskab/noeglepersoner");
        await AxeScan.AssertNoSeriousViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Importér fra CSV" }).ClickAsync();
        await AxeScan.AssertNoSeriousViolationsAsync(Page);
        var sample = "Navn;Titel;Enhed;Mobil;Arbejdstelefon;Privat telefon;E-mail;Sikkerhedsgodkendt;Godkendelsesniveau;Godkendelse udløber;Stedfortrædere;Roller;Noter\nPrøve Person;;;123;;;prove@eksempel.dk;nej;;;;;\n";
        await Page.GetByLabel("CSV-fil").SetInputFilesAsync(new FilePayload { Name = "noeglepersoner.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(sample) });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Vis forhåndsvisning" }).ClickAsync();
        await Expect(Page.GetByText("Række 2, Mobil: Mobil '123'")).ToBeVisibleAsync();
        await AxeScan.AssertNoSeriousViolationsAsync(Page);

        await Page.GotoAsync("/beredskab/noeglepersoner/ny");
        await AxeScan.AssertNoSeriousViolationsAsync(Page);
        await Page.GetByLabel("Navn", new() { Exact = true }).FillAsync(name);
        await Page.GetByLabel("Mobil (arbejde)").FillAsync("+45 61 62 63 64");
        var substitute = Page.GetByLabel("1. stedfortræder");
        var substituteName = (await substitute.Locator("option").Nth(1).TextContentAsync())!.Trim();
        await substitute.SelectOptionAsync(new SelectOptionValue { Label = substituteName });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Gem", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/beredskab/noeglepersoner/[0-9a-f-]{36}"));
        await Expect(Page.GetByLabel("1. stedfortræder")).ToHaveValueAsync(await substitute.Locator("option").Nth(1).GetAttributeAsync("value") ?? "");
        await AxeScan.AssertNoSeriousViolationsAsync(Page);

        await Page.GotoAsync("/beredskab/alarmeringslister");
        await AxeScan.AssertNoSeriousViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Aktivering af krisestyring" }).First.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Aktivering af krisestyring", Level = 1 })).ToBeVisibleAsync();
        await Page.GetByLabel("Person", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = name });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Tilføj", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Rowheader, new() { Name = name })).ToBeVisibleAsync();
        await AxeScan.AssertNoSeriousViolationsAsync(Page);

        await Page.GotoAsync("/beredskab/beredskabsmappe");
        await Expect(Page.GetByText(name).First).ToBeVisibleAsync();
        await AxeScan.AssertNoSeriousViolationsAsync(Page);
        var pdfLink = Page.GetByRole(AriaRole.Link, new() { Name = "Hent som PDF" });
        var href = await pdfLink.GetAttributeAsync("href");
        // The link serves the PDF inline; fetch it with the page's own session, as the browser's download would.
        var pdf = await Page.Context.APIRequest.GetAsync(new Uri(new Uri(Page.Url), href).ToString());
        Assert.True(pdf.Ok, $"PDF answered HTTP {pdf.Status}");
        Assert.StartsWith("application/pdf", pdf.Headers["content-type"], StringComparison.Ordinal);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString((await pdf.BodyAsync())[..5]), StringComparison.Ordinal);
    }
}
