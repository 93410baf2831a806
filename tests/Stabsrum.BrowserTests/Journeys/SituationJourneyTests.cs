using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Stabsrum.BrowserTests.Infrastructure;
using Stabsrum.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Stabsrum.BrowserTests.Journeys;

/// <summary>
/// A unit reports from a phone; the report is in the log; the secretariat starts a situation picture from it and
/// publishes it; the case file (sagsakt) is downloaded. axe checks the meldinger, situationsbillede and sagsakt pages.
/// </summary>
public sealed partial class SituationJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    private const string VallensbaekStaff = "stab@vallensbaek.demo";

    [Fact]
    public async Task A_phone_report_reaches_the_situation_picture_and_the_case_file()
    {
        // The secretariat (demo administrator) opens an incident in Vallensbæk.
        var overview = await (await LoginPage.OpenAsync(Page)).LogInAsync(DemoLogins.Administrator, DemoLogins.Password);
        await overview.Shell.SwitchOrganisationAsync("Vallensbæk Kommune");
        await Page.GotoAsync("/haendelser/ny");
        await Page.GetByLabel("Titel").FillAsync("Skybrud ved Vallensbæk Strand");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opret" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(IncidentUrl());
        var incidentUrl = new Uri(Page.Url).AbsolutePath;

        // A staff member with the home care unit reports on a 360 px phone.
        await using var phoneContext = await Browser.NewContextAsync(Phone, isMobile: true);
        var phone = await phoneContext.NewPageAsync();
        await (await LoginPage.OpenAsync(phone)).LogInAsync(VallensbaekStaff, DemoLogins.Password);
        await phone.GotoAsync(incidentUrl);
        await phone.GetByRole(AriaRole.Link, new() { Name = "Meldinger" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Meldinger");
        await AxeScan.AssertNoSeriousViolationsAsync(phone);
        await phone.GetByLabel("Enhed eller center").FillAsync("Hjemmeplejen");
        await phone.GetByLabel("Situationen hos jer").FillAsync("Tre borgere i Strandparken uden strøm");
        await phone.GetByLabel("Behov (valgfrit)").FillAsync("Mobil generator");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Send melding" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("Meldingen fra Hjemmeplejen er modtaget");
        await AssertNoHorizontalOverflowAsync(phone);

        // The report is in the log as a melding ind.
        await phone.GotoAsync(incidentUrl);
        await Expect(phone.GetByText("Melding fra Hjemmeplejen: Tre borgere i Strandparken uden strøm").First).ToBeVisibleAsync();

        // The secretariat starts a draft with the report picked, writes the overall situation and publishes.
        await Page.GotoAsync(incidentUrl + "/situationsbillede");
        await AxeScan.AssertNoSeriousViolationsAsync(Page);
        await Expect(Page.GetByLabel(new Regex("Melding fra Hjemmeplejen"))).ToBeCheckedAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start kladde" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Kladde til version 1" })).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("Enhedens afsnit 1")).ToHaveValueAsync(new Regex("Tre borgere i Strandparken uden strøm"));
        await AxeScan.AssertNoSeriousViolationsAsync(Page);
        await Page.GetByLabel("Samlet situation").FillAsync("Skybrud over Strandparken; strømmen er væk i tre opgange.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Offentliggør version 1" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Version 1 er offentliggjort");

        // The publication is in the log, seen on the phone.
        await phone.GotoAsync(incidentUrl);
        await Expect(phone.GetByText("Situationsbillede version 1 offentliggjort.", new() { Exact = false }).First).ToBeVisibleAsync();

        // A task follows from the picture and is done before the case is filed.
        await Page.GotoAsync(incidentUrl + "/opgaver");
        await Page.GetByLabel("Opgave", new() { Exact = true }).FillAsync("Bring strømgenerator til Strandparken");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opret", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "er oprettet" })).ToBeVisibleAsync();
        foreach (var status in new[] { "I gang", "Udført" })
        {
            await Page.GetByLabel("Ny status for Bring strømgenerator til Strandparken").SelectOptionAsync(new SelectOptionValue { Label = status });
            await Page.GetByRole(AriaRole.Button, new() { Name = "Gem status for Bring strømgenerator til Strandparken" }).ClickAsync();
            await Expect(Page.Locator("tr.task-row").Filter(new() { HasText = "Bring strømgenerator" })).ToContainTextAsync(status);
        }

        // The secretariat files the case: one click, a ZIP with the PDF and the chapters.
        await Page.GotoAsync(incidentUrl + "/sagsakt");
        await AxeScan.AssertNoSeriousViolationsAsync(Page);
        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Button, new() { Name = "Dan sagsakt (ZIP med PDF, JSON og bilag)" }).ClickAsync());
        Assert.EndsWith(".zip", download.SuggestedFilename, StringComparison.Ordinal);
        using (var archive = ZipFile.OpenRead(await download.PathAsync()))
        {
            Assert.Contains(archive.Entries, e => e.FullName == "sagsakt.pdf");
            Assert.Contains(archive.Entries, e => e.FullName.EndsWith("-meldinger.json", StringComparison.Ordinal));
            var tasks = archive.Entries.Single(e => e.FullName.EndsWith("-opgaver.json", StringComparison.Ordinal));
            using var reader = new StreamReader(tasks.Open());
            var json = await reader.ReadToEndAsync();
            Assert.Contains("Bring strømgenerator til Strandparken", json, StringComparison.Ordinal);
            Assert.Contains("\"done\": 1", json, StringComparison.Ordinal);
        }

        await Page.ReloadAsync();
        await Expect(Page.GetByRole(AriaRole.Cell, new() { Name = "intakt" })).ToBeVisibleAsync();
    }

    [GeneratedRegex("/haendelser/[0-9a-f-]{36}$")]
    private static partial Regex IncidentUrl();
}
