using System.Net;
using System.Text.RegularExpressions;
using Stabsrum.Tests.Account;
using Stabsrum.Tests.Infrastructure;
using Stabsrum.Tests.Pdf;
using static Stabsrum.Tests.CrisisLog.CrisisLogSteps;

namespace Stabsrum.Tests.CrisisLog;

/// <summary>The Danish pages: create an incident, log from the quick-entry box, see both times, print; redaction on pages and in the PDF.</summary>
public sealed partial class IncidentPageTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    [Fact]
    public async Task A_staff_member_creates_an_exercise_and_logs_from_the_quick_entry_box()
    {
        var s = await SetUpAsync(app);
        var browser = await app.LoginAsync(s.Staff, s.Org);

        var created = await StabsrumFactory.PostFormAsync(browser, "/haendelser/ny", new Dictionary<string, string>
        {
            ["Input.Title"] = "Øvelse: storm over havnen",
            ["Input.Type"] = "Vejr",
            ["Input.IsExercise"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.RedirectPath();

        var html = await browser.GetTextAsync(page);
        Assert.Contains("ØVELSE", html, StringComparison.Ordinal);
        Assert.Contains("Rammesættende", html, StringComparison.Ordinal);
        var entryId = EntryId().Match(html).Groups[1].Value;

        // Two interactions: type, press Log. The kind defaults to information.
        var logged = await StabsrumFactory.PostFormAsync(browser, page + "?handler=Log", new Dictionary<string, string>
        {
            ["Entry.Id"] = entryId,
            ["Entry.Text"] = "Havnefogeden melder højvande",
        }, formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);

        // The same form sent twice (double click, retry) stores one entry.
        var again = await StabsrumFactory.PostFormAsync(browser, page + "?handler=Log", new Dictionary<string, string>
        {
            ["Entry.Id"] = entryId,
            ["Entry.Text"] = "Havnefogeden melder højvande",
        }, formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        html = await browser.GetTextAsync(page);
        Assert.Single(Regex.Matches(html, "Havnefogeden melder højvande"));
        Assert.Contains("Information", html, StringComparison.Ordinal);
        Assert.Contains("registreret", html, StringComparison.Ordinal);

        var list = await browser.GetTextAsync("/haendelser/liste");
        Assert.Contains("Øvelse: storm over havnen", list, StringComparison.Ordinal);
        Assert.Contains("ØVELSE", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_without_rationale_shows_the_Danish_message_and_stores_nothing()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        var browser = await app.LoginAsync(s.Staff, s.Org);
        var page = $"/haendelser/{incident}";
        var response = await StabsrumFactory.PostFormAsync(browser, page + "?handler=Log", new Dictionary<string, string>
        {
            ["Entry.Id"] = Guid.NewGuid().ToString(),
            ["Entry.Kind"] = "Beslutning",
            ["Entry.Text"] = "Vi lukker skolen",
            ["Entry.DecidedBy"] = "Stabschefen",
        }, formPage: page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Begrundelse skal udfyldes.", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Single(await LogAsync(s.StaffApi, incident));
    }

    [Fact]
    public async Task Confidential_text_never_reaches_the_page_search_or_print_of_a_member_without_clearance()
    {
        const string secret = "Hemmeligt-Navn-4471";
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        await AppendOkAsync(s.AdminApi, incident, new { id = Guid.NewGuid(), kind = "Information", text = $"Patient {secret}", classification = "Fortrolig" });
        var staff = await app.LoginAsync(s.Staff, s.Org);
        var admin = await app.LoginAsync(s.Admin, s.Org);

        foreach (var url in new[] { $"/haendelser/{incident}", $"/haendelser/{incident}/udskriv" })
        {
            var html = await staff.GetTextAsync(url);
            Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
            Assert.DoesNotContain("Patient", html, StringComparison.Ordinal);
        }

        // Searching for the secret finds nothing: the search box echoes the term, but no entry matches it.
        var searched = await staff.GetTextAsync($"/haendelser/{incident}?soeg=Patient");
        Assert.DoesNotContain("Fortroligt indhold", searched, StringComparison.Ordinal);
        Assert.Contains("Fortroligt indhold", await staff.GetTextAsync($"/haendelser/{incident}?soeg="), StringComparison.Ordinal);

        Assert.Contains("Fortroligt indhold", await staff.GetTextAsync($"/haendelser/{incident}"), StringComparison.Ordinal);
        Assert.Contains(secret, await admin.GetTextAsync($"/haendelser/{incident}"), StringComparison.Ordinal);

        using var pdf = await staff.GetAsync($"/haendelser/{incident}/udskriv?format=pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var text = await PdfText.ExtractAsync(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("Kriselog", text, StringComparison.Ordinal);
        Assert.Contains("intakt", text, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_sees_the_page_without_the_forms_and_cannot_post()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        var reader = await app.CreateUserAsync(s.Org, Stabsrum.Infrastructure.Tenancy.OrganisationRole.Laeser);
        var browser = await app.LoginAsync(reader, s.Org);
        var html = await browser.GetTextAsync($"/haendelser/{incident}");
        Assert.DoesNotContain("quick-text", html, StringComparison.Ordinal);
        var response = await StabsrumFactory.PostFormAsync(browser, $"/haendelser/{incident}?handler=Log", new Dictionary<string, string>
        {
            ["Entry.Id"] = Guid.NewGuid().ToString(),
            ["Entry.Text"] = "Må ikke",
        }, formPage: $"/haendelser/{incident}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/konto/ingen-adgang", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Single(await LogAsync(s.StaffApi, incident));
    }

    [GeneratedRegex("name=\"Entry.Id\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex EntryId();
}
