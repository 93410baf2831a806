using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Warnings;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Warnings;

/// <summary>The Danish pages: manual form, paste form, areas; errors next to the field, nothing half-saved.</summary>
public sealed class WarningPagesTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    [Fact]
    public async Task The_manual_form_records_once_per_shown_form_and_names_missing_fields()
    {
        var (org, browser) = await StaffAsync();
        var form = await browser.GetStringAsync("/haendelser/varsler/nyt");
        var id = System.Text.RegularExpressions.Regex.Match(form, "name=\"Input.Id\" value=\"([^\"]+)\"").Groups[1].Value;
        var fields = new Dictionary<string, string>
        {
            ["Input.Id"] = id,
            ["Input.Source"] = "Politiet, telefon",
            ["Input.Text"] = "Brand i lagerhal på Vallensbæk Havnevej",
            ["Input.ReceivedAt"] = "2026-12-03T10:15",
            ["Input.ReceivedBy"] = "Vagthavende",
        };

        using var first = await StabsrumFactory.PostFormAsync(browser, "/haendelser/varsler/nyt", fields);
        using var second = await StabsrumFactory.PostFormAsync(browser, "/haendelser/varsler/nyt", fields);
        using var empty = await StabsrumFactory.PostFormAsync(browser, "/haendelser/varsler/nyt", new Dictionary<string, string> { ["Input.Id"] = Guid.NewGuid().ToString() });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal($"/haendelser/varsler/{id}", first.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var errors = WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync());
        Assert.Contains("Kilde skal udfyldes.", errors, StringComparison.Ordinal);
        Assert.Contains("Tekst skal udfyldes.", errors, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(org.Id, async (db, _) => await db.Warnings.SingleAsync());
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 9, 15, 0, TimeSpan.Zero), stored.ReceivedAt);
        Assert.Equal(WarningOrigin.Manual, stored.Origin);
    }

    [Fact]
    public async Task A_pasted_invalid_alert_shows_the_reasons_and_stores_nothing_and_a_valid_one_opens()
    {
        var (org, browser) = await StaffAsync();

        using var refused = await StabsrumFactory.PostFormAsync(browser, "/haendelser/varsler/cap", new Dictionary<string, string> { ["xml"] = File.ReadAllText(CapCorpus.Path("canada_errors.cap")) });
        using var accepted = await StabsrumFactory.PostFormAsync(browser, "/haendelser/varsler/cap", new Dictionary<string, string>
        {
            ["xml"] = Encoding.Latin1.GetString(CapCorpus.Bytes("earthquake-iso8859-1.cap")),
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("'references' er tomt", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var detail = WebUtility.HtmlDecode(await browser.GetStringAsync(accepted.Headers.Location!.OriginalString));
        Assert.Contains("EQ 4.6 Usulután", detail, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(org.Id, async (db, _) => await db.Warnings.CountAsync()));
    }

    [Fact]
    public async Task Areas_are_added_on_the_page_by_planners_and_only_shown_to_staff()
    {
        var org = await app.CreateOrganisationAsync();
        var planner = await app.LoginAsync(await app.CreateUserAsync(org, OrganisationRole.Planlaegger), org);
        var staff = await app.LoginAsync(await app.CreateUserAsync(org, OrganisationRole.Stabsmedlem), org);

        using var bad = await StabsrumFactory.PostFormAsync(planner, "/haendelser/varsler/omraader?handler=Add", new Dictionary<string, string> { ["Input.Name"] = "Vallensbæk", ["Input.Polygon"] = "1,2 3,4" }, formPage: "/haendelser/varsler/omraader");
        using var added = await StabsrumFactory.PostFormAsync(planner, "/haendelser/varsler/omraader?handler=Add", new Dictionary<string, string> { ["Input.Name"] = "Vallensbæk", ["Input.Geocodes"] = "EMMA_ID=DK004\n" }, formPage: "/haendelser/varsler/omraader");
        var staffView = WebUtility.HtmlDecode(await staff.GetStringAsync("/haendelser/varsler/omraader"));

        Assert.Contains("mindst fire", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("EMMA_ID=DK004", staffView, StringComparison.Ordinal);
        Assert.DoesNotContain("Tilføj område", staffView, StringComparison.Ordinal);
    }

    private async Task<(TestOrganisation Org, HttpClient Browser)> StaffAsync()
    {
        var org = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(org, OrganisationRole.Stabsmedlem);
        return (org, await app.LoginAsync(user, org));
    }
}
