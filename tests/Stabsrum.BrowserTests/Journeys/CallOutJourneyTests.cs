using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Stabsrum.BrowserTests.Infrastructure;
using Stabsrum.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Stabsrum.BrowserTests.Journeys;

/// <summary>
/// Issue 5's journey: a warning arrives (posted CAP), triage creates the incident, the call-out is confirmed, three
/// recipients answer through their SMS links on phones in other browsers, and the staffing board — open all the
/// time — counts them as they arrive (the incident's live stream, no reload). axe checks every page on the way.
/// </summary>
public sealed partial class CallOutJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    // Vallensbæk's demo key persons (RegistryDemoData); all three are opted in to exercises too (CallOutDemoData).
    private static readonly (string Name, string Phone)[] Recipients =
    [
        ("Anne Kjær", "+4599001105"),
        ("Sofie Dahl", "+4599001107"),
        ("Mikkel Friis", "+4599001108"),
    ];

    [Fact]
    public async Task A_posted_warning_becomes_an_incident_whose_call_out_three_phones_answer_while_the_board_counts_live()
    {
        var overview = await (await LoginPage.OpenAsync(Page)).LogInAsync(DemoLogins.Administrator, DemoLogins.Password);
        await overview.Shell.SwitchOrganisationAsync("Vallensbæk Kommune");

        // The warning system posts a CAP alert with a token made the way a user makes one.
        await Page.GotoAsync("/konto/adgangsnoegler");
        await Page.GetByLabel("Navn").FillAsync("Varslingssystem alarmering");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opret adgangsnøgle" }).ClickAsync();
        var token = (await Page.Locator("#new-token").InnerTextAsync()).Trim();
        var marker = Guid.NewGuid().ToString("N")[..8];
        var headline = $"Skybrud over Vallensbæk {marker}";
        var body = await new CapWarning(headline, "Skybrud", "Immediate", "Severe", "3; orange; Severe", "10; rain", "Hovedstaden", "DK001", TimeSpan.FromHours(6))
            .PostAsync(Browser.App.BaseAddress, token);
        var warningId = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();

        // Triage: an incident from the warning, then the call-out from the incident.
        await Page.GotoAsync($"/haendelser/varsler/{warningId}");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(headline);
        await AxeScan.AssertNoSeriousViolationsAsync(Page);
        await Page.GetByLabel("Titel på ny hændelse").FillAsync(headline);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opret hændelse fra varslet" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Start alarmering" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(ComposeUrl());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(headline);
        await AxeScan.AssertNoSeriousViolationsAsync(Page);

        await Page.GetByText("Enkelte personer", new() { Exact = true }).ClickAsync();
        foreach (var (name, _) in Recipients)
        {
            await Page.GetByLabel(name).CheckAsync();
        }

        var message = $"Skybrud: krisestaben mødes på rådhuset ({marker})";
        await Page.GetByLabel("Besked", new() { Exact = true }).FillAsync(message);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Videre til bekræftelse" }).ClickAsync();

        // Four people: the three and Peter Lund, the substitute of two of them (called only if they do not answer).
        await Expect(Page.Locator("#confirm-count")).ToHaveTextAsync("4");
        await AxeScan.AssertNoSeriousViolationsAsync(Page);
        var streams = new List<string>();
        Page.Request += (_, request) =>
        {
            if (request.Url.Contains("/direkte", StringComparison.Ordinal))
            {
                streams.Add(request.Url);
            }
        };
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send alarmering til 4 personer" }).ClickAsync();

        // The board stays open from here on; a marker on the window shows it is never reloaded.
        var board = Page.Locator("#tavle");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Bemandingstavle" })).ToBeVisibleAsync();
        await AxeScan.AssertNoSeriousViolationsAsync(Page);
        await Page.EvaluateAsync("() => { window.stillTheSamePage = true; }");
        var confirmed = board.Locator("table.recipients td.answer-kommer");
        await Expect(confirmed).ToHaveCountAsync(0);

        var links = await AnswerLinksAsync(message);
        for (var i = 0; i < Recipients.Length; i++)
        {
            var (name, phoneNumber) = Recipients[i];
            await using var phoneContext = await Browser.NewContextAsync(Phone, isMobile: true);
            var phone = await phoneContext.NewPageAsync();
            await phone.GotoAsync(links[phoneNumber]);
            await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Svar på alarmering" })).ToBeVisibleAsync();
            await Expect(phone.GetByText($"Til {name}")).ToBeVisibleAsync();
            await Expect(phone.GetByText(message)).ToBeVisibleAsync();
            await AxeScan.AssertNoSeriousViolationsAsync(phone);
            await AssertNoHorizontalOverflowAsync(phone);

            await phone.GetByLabel("Kommer", new() { Exact = true }).CheckAsync();
            await phone.GetByLabel("Forventet ankomst om (minutter)").FillAsync((15 + (5 * i)).ToString(CultureInfo.InvariantCulture));
            await phone.GetByRole(AriaRole.Button, new() { Name = "Send svar" }).ClickAsync();
            await Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync($"Tak, {name}. Dit svar er registreret: du kommer om ca. {15 + (5 * i)} minutter.");
            await Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Send svar" })).ToHaveCountAsync(0);
            await AxeScan.AssertNoSeriousViolationsAsync(phone);
            await AssertNoHorizontalOverflowAsync(phone);

            // The board counts the answer without a reload (well before its 15-second fallback poll).
            await Expect(confirmed).ToHaveCountAsync(i + 1, new() { Timeout = 10_000 });
            await Expect(board.Locator("table.recipients tr").Filter(new() { HasText = name }).Locator("td.answer-kommer")).ToHaveTextAsync("Kommer");
        }

        Assert.True(await Page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"), "The staffing board page was reloaded.");
        Assert.Single(streams); // the incident's event stream, opened once by the board and kept open
        await Expect(board.Locator("tr.target-satisfied")).ToHaveCountAsync(3, new() { Timeout = 10_000 }); // each person's line: 1 of 1 confirmed
        await AxeScan.AssertNoSeriousViolationsAsync(Page);
        await ScreenshotAsync("callout-board-three-confirmed");
    }

    /// <summary>Each recipient's answer link, as the fake SMS gateway received it (path only: the browser has the base URL).</summary>
    private async Task<Dictionary<string, string>> AnswerLinksAsync(string message)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var sms = Browser.App.SmsInbox.Messages.Where(m => m.Message.Contains(message, StringComparison.Ordinal)).ToList();
            if (Recipients.All(r => sms.Any(m => m.To == r.Phone)) || DateTime.UtcNow > deadline)
            {
                Assert.Equal(Recipients.Select(r => r.Phone).Order(), sms.Select(m => m.To).Order());
                return sms.ToDictionary(m => m.To, m => "/svar/" + AnswerToken().Match(m.Message).Groups[1].Value);
            }

            await Task.Delay(100);
        }
    }

    [GeneratedRegex("/haendelser/[0-9a-f-]{36}/alarmering$")]
    private static partial Regex ComposeUrl();

    [GeneratedRegex(@"/svar/(\S+)")]
    private static partial Regex AnswerToken();
}
