using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Stabsrum.Features.CallOut;
using Stabsrum.Features.Registry;
using Stabsrum.Tests.CrisisLog;
using Stabsrum.Tests.Infrastructure;
using static Stabsrum.Tests.CallOut.CallOutSteps;

namespace Stabsrum.Tests.CallOut;

/// <summary>The pages as a staff member uses them: compose from the incident, confirm, the board, the prøvealarm page.</summary>
public sealed class CallOutPageTests(CallOutFactory app) : IClassFixture<CallOutFactory>
{
    [Fact]
    public async Task Compose_confirm_and_follow_the_board_from_the_incident()
    {
        var o = await SetUpAsync(app, "Ulla", "Vagn");
        var list = await ListAsync(app, o, AlarmMode.NotifyAll, ["Ulla", "Vagn"]);
        var incident = await CrisisLogSteps.CreateIncidentAsync(o.Api, "Strømsvigt");
        var browser = await app.LoginAsync(o.Admin, o.Org);

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/haendelser/{incident}/alarmering"));
        Assert.Contains("Ny alarmering", page, StringComparison.Ordinal);
        Assert.Contains("Alarmering", page, StringComparison.Ordinal);

        var id = Id();
        using var composed = await StabsrumFactory.PostFormAsync(browser, $"/haendelser/{incident}/alarmering?handler=Compose", new Dictionary<string, string>
        {
            ["Input.Id"] = id.ToString(),
            ["Input.Message"] = "Mød ind nu",
            ["Input.AlarmListIds"] = list.ToString(),
            ["Input.Sms"] = "true",
            ["Input.Email"] = "false",
            ["Input.App"] = "false",
            ["Input.ChannelDelayMinutes"] = "3",
            ["Input.AnswerTimeoutMinutes"] = "10",
        }, formPage: $"/haendelser/{incident}/alarmering");
        Assert.Equal(HttpStatusCode.Redirect, composed.StatusCode);
        var details = composed.Headers.Location!.OriginalString;
        Assert.Equal($"/haendelser/{incident}/alarmering/{id}", details);

        var confirm = WebUtility.HtmlDecode(await browser.GetStringAsync(details));
        Assert.Contains("Bekræft alarmeringen", confirm, StringComparison.Ordinal);
        Assert.Contains("RIGTIG ALARMERING", confirm, StringComparison.Ordinal);
        Assert.Contains("Send alarmering til 2 personer", confirm, StringComparison.Ordinal);
        Assert.Contains($"action=\"{details}?handler=Confirm\"", confirm, StringComparison.Ordinal); // the form posts where this test posts
        Assert.Empty(SmsTo(app, o));

        using var confirmed = await StabsrumFactory.PostFormAsync(browser, details + "?handler=Confirm", new Dictionary<string, string>(), formPage: details);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        await app.RunJobAsync();
        Assert.Equal(["Ulla", "Vagn"], SmsTo(app, o).Order().ToList());

        await AnswerAsync(app, o, id, "Ulla", AnswerResponse.Kommer, 15);
        var board = WebUtility.HtmlDecode(await browser.GetStringAsync(details + "?handler=Board"));
        Assert.Contains("Bemandingstavle", board, StringComparison.Ordinal);
        Assert.Contains("Kommer", board, StringComparison.Ordinal);
        Assert.Contains("ca. ", board, StringComparison.Ordinal);
        Assert.Contains("Mødt", board, StringComparison.Ordinal);
        Assert.Contains("SMS: sendt", board, StringComparison.Ordinal);

        var ulla = (await StatusAsync(o, id)).Recipients.Single(r => r.Name == "Ulla").Id;
        using var checkedIn = await StabsrumFactory.PostFormAsync(browser, details + "?handler=CheckIn", new Dictionary<string, string> { ["recipientId"] = ulla.ToString() }, formPage: details);
        Assert.Equal(HttpStatusCode.Redirect, checkedIn.StatusCode);
        Assert.NotNull((await StatusAsync(o, id)).Recipients.Single(r => r.Name == "Ulla").CheckedInAt);
    }

    [Fact]
    public async Task The_test_alarm_page_lists_persons_and_saves_exercise_opt_ins()
    {
        var o = await SetUpAsync(app, "Yrsa", "Åge");
        var browser = await app.LoginAsync(o.Admin, o.Org);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/beredskab/proevealarm"));
        Assert.Contains("Ny prøvealarm", page, StringComparison.Ordinal);
        Assert.Contains("Åge", page, StringComparison.Ordinal);

        using var saved = await StabsrumFactory.PostFormAsync(browser, "/beredskab/proevealarm?handler=OptIns", new Dictionary<string, string> { ["OptedIn"] = o.People["Åge"].ToString() }, formPage: "/beredskab/proevealarm");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var optedIn = await app.WithDbAsync(o.Org.Id, (db, _) => Task.FromResult(db.ExerciseOptIns.Select(x => x.PersonId).ToList()));
        Assert.Equal([o.People["Åge"]], optedIn);
    }

    [Fact]
    public async Task An_administrator_sets_the_target_and_makes_a_webhook_key_that_the_gateway_can_use_others_cannot_open_the_page()
    {
        var o = await SetUpAsync(app, "Ulla");
        var browser = await app.LoginAsync(o.Admin, o.Org);
        const string page = "/beredskab/alarmering/indstillinger";
        Assert.Contains("value=\"120\"", await browser.GetStringAsync(page), StringComparison.Ordinal);

        using (var bad = await StabsrumFactory.PostFormAsync(browser, page + "?handler=Target", new Dictionary<string, string> { ["FullyEstablishedMinutes"] = "5" }, page))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("skal være 10–1440 minutter", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Equal(120, (await o.Api.GetFromJsonAsync<JsonElement>("/api/v1/callout-settings")).GetProperty("fullyEstablishedMinutes").GetInt32());
        using (var saved = await StabsrumFactory.PostFormAsync(browser, page + "?handler=Target", new Dictionary<string, string> { ["FullyEstablishedMinutes"] = "90" }, page))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal(90, (await o.Api.GetFromJsonAsync<JsonElement>("/api/v1/callout-settings")).GetProperty("fullyEstablishedMinutes").GetInt32());

        string secret;
        using (var made = await StabsrumFactory.PostFormAsync(browser, page + "?handler=Secret", new Dictionary<string, string>(), page))
        {
            var html = await made.Content.ReadAsStringAsync();
            secret = System.Text.RegularExpressions.Regex.Match(html, "<code class=\"secret\">(whk_[A-Za-z0-9_-]+)</code>").Groups[1].Value;
            Assert.StartsWith("whk_", secret, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(secret, await browser.GetStringAsync(page), StringComparison.Ordinal);
        using (var receipt = await app.CreateClient().PostAsync($"/api/v1/sms/status?key={secret}", CrisisLogSteps.Json(new { reference = "ukendt", status = "delivered" })))
        {
            Assert.NotEqual(HttpStatusCode.Unauthorized, receipt.StatusCode);
        }

        var staff = await app.CreateUserAsync(o.Org, Stabsrum.Infrastructure.Tenancy.OrganisationRole.Stabsmedlem);
        using var refused = await (await app.LoginAsync(staff, o.Org)).GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/konto/ingen-adgang", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
