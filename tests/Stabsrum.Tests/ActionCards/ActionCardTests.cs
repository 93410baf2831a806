using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Stabsrum.Features.ActionCards;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.ActionCards;

public sealed class ActionCardTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<(TestOrganisation Org, HttpClient Api)> PlannerAsync()
    {
        var org = await app.CreateOrganisationAsync();
        return (org, await app.CreateApiClientAsync(await app.CreateUserAsync(org, OrganisationRole.Planlaegger), org));
    }

    private static object Card(string title, params string[] steps) => new
    {
        title,
        roleOrSituation = "Tovholder for krisesekretariatet",
        trigger = "Krisestaben er aktiveret",
        steps = steps.Select(s => new { text = s, responsibleRole = "Tovholder" }).ToList(),
    };

    [Fact]
    public void A_published_version_becomes_task_specs_in_order_and_a_draft_cannot()
    {
        var planId = Guid.CreateVersion7();
        var version = new ActionCardVersion
        {
            ActionCardId = Guid.CreateVersion7(),
            Number = 3,
            Status = ActionCardStatus.Published,
            Title = "Opstart af krisesekretariatet",
            CreatedBy = "test",
            Steps =
            [
                new ActionCardStep { Position = 2, Text = "Åbn kriselog", ResponsibleRole = "Logfører" },
                new ActionCardStep { Position = 1, Text = "Find lokale", ResponsibleRole = "Tovholder", PlanId = planId, Partner = "Politiet" },
            ],
        };

        var tasks = version.Instantiate();

        Assert.Equal(["Find lokale", "Åbn kriselog"], tasks.Select(t => t.Title));
        Assert.Equal([1, 2], tasks.Select(t => t.Order));
        Assert.All(tasks, t => Assert.Equal((version.ActionCardId, version.Id, 3, "Opstart af krisesekretariatet"), (t.ActionCardId, t.ActionCardVersionId, t.VersionNumber, t.CardTitle)));
        Assert.Equal((planId, "Politiet", "Tovholder"), (tasks[0].PlanId, tasks[0].Partner, tasks[0].ResponsibleRole));
        version.Status = ActionCardStatus.Draft;
        Assert.Throws<InvalidOperationException>(() => version.Instantiate());
    }

    [Fact]
    public async Task Publishing_freezes_a_version_and_editing_makes_a_new_draft()
    {
        var (_, api) = await PlannerAsync();
        var created = await ReadAsync(await api.PostAsJsonAsync("/api/v1/action-cards", Card("Opstart", "Find lokale", "Åbn kriselog")));
        var id = created.GetProperty("id").GetString();
        Assert.Equal(1, created.GetProperty("draftVersion").GetInt32());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("currentPublishedVersion").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/action-cards/{id}/versions/1/tasks")).StatusCode); // a draft is no procedure yet

        var published = await ReadAsync(await api.PostAsJsonAsync($"/api/v1/action-cards/{id}/publish", new { version = 1 }));
        Assert.Equal(1, published.GetProperty("currentPublishedVersion").GetInt32());

        var edited = await ReadAsync(await api.PutAsJsonAsync($"/api/v1/action-cards/{id}/draft", Card("Opstart af sekretariatet", "Find lokale", "Åbn kriselog", "Indkald logfører")));
        Assert.Equal(2, edited.GetProperty("draftVersion").GetInt32());
        Assert.Equal(1, edited.GetProperty("currentPublishedVersion").GetInt32());

        // Version 1 is exactly as published.
        var tasks = await ReadAsync(await api.GetAsync($"/api/v1/action-cards/{id}/versions/1/tasks"));
        Assert.Equal(["Find lokale", "Åbn kriselog"], tasks.EnumerateArray().Select(t => t.GetProperty("title").GetString()));
        Assert.Equal("Opstart", tasks[0].GetProperty("cardTitle").GetString());

        // Editing the draft again changes the draft, not a new version.
        var again = await ReadAsync(await api.PutAsJsonAsync($"/api/v1/action-cards/{id}/draft", Card("Opstart af sekretariatet", "Find lokale", "Indkald logfører")));
        Assert.Equal(2, again.GetProperty("draftVersion").GetInt32());
        Assert.Equal(2, again.GetProperty("versions").GetArrayLength());

        using (var republish = await api.PostAsJsonAsync($"/api/v1/action-cards/{id}/publish", new { version = 1 }))
        {
            Assert.Equal(HttpStatusCode.Conflict, republish.StatusCode);
        }

        var second = await ReadAsync(await api.PostAsJsonAsync($"/api/v1/action-cards/{id}/publish", new { version = 2 }));
        Assert.Equal(2, second.GetProperty("currentPublishedVersion").GetInt32());
        Assert.Equal("Opstart af sekretariatet", second.GetProperty("title").GetString());
        var current = await ReadAsync(await api.GetAsync($"/api/v1/action-cards/{id}/versions/2/tasks"));
        Assert.Equal(["Find lokale", "Indkald logfører"], current.EnumerateArray().Select(t => t.GetProperty("title").GetString()));
        Assert.Equal(2, (await ReadAsync(await api.GetAsync($"/api/v1/action-cards/{id}/versions/1/tasks"))).GetArrayLength());
    }

    [Fact]
    public async Task Bad_cards_name_the_step_and_field()
    {
        var (_, api) = await PlannerAsync();

        using var response = await api.PostAsJsonAsync("/api/v1/action-cards", new
        {
            title = "",
            steps = new object[] { new { text = "Ok" }, new { text = "", responsibleRole = "Logfører" }, new { text = "Plan", planId = Guid.NewGuid() } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.Equal("Trin 2: teksten skal udfyldes.", errors.GetProperty("steps[1].text")[0].GetString());
        Assert.Contains("planen findes ikke", errors.GetProperty("steps[2].planId")[0].GetString(), StringComparison.Ordinal);

        var card = await ReadAsync(await api.PostAsJsonAsync("/api/v1/action-cards", new { title = "Tomt kort" }));
        using var publishEmpty = await api.PostAsJsonAsync($"/api/v1/action-cards/{card.GetProperty("id").GetString()}/publish", new { version = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, publishEmpty.StatusCode);
    }

    [Fact]
    public async Task Another_organisation_gets_404_and_cannot_link_our_plans()
    {
        var (_, api) = await PlannerAsync();
        var plan = await ReadAsync(await api.PostAsJsonAsync("/api/v1/plans", new { title = "Vores plan", type = "Hovedberedskabsplan" }));
        var card = await ReadAsync(await api.PostAsJsonAsync("/api/v1/action-cards", Card("Hemmeligt kort", "Trin")));
        var id = card.GetProperty("id").GetString();
        await ReadAsync(await api.PostAsJsonAsync($"/api/v1/action-cards/{id}/publish", new { version = 1 }));
        var (_, theirs) = await PlannerAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/api/v1/action-cards/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/api/v1/action-cards/{id}/versions/1/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PutAsJsonAsync($"/api/v1/action-cards/{id}/draft", Card("Kapret", "x"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PostAsJsonAsync($"/api/v1/action-cards/{id}/publish", new { version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.DeleteAsync($"/api/v1/action-cards/{id}/draft")).StatusCode);
        Assert.Equal("[]", await theirs.GetStringAsync("/api/v1/action-cards"));
        using var linked = await theirs.PostAsJsonAsync("/api/v1/action-cards", new { title = "Snyd", steps = new[] { new { text = "x", planId = plan.GetProperty("id").GetGuid() } } });
        Assert.Equal(HttpStatusCode.BadRequest, linked.StatusCode);
    }

    [Fact]
    public async Task The_planner_edits_and_publishes_in_the_browser()
    {
        var org = await app.CreateOrganisationAsync();
        var planner = await app.CreateUserAsync(org, OrganisationRole.Planlaegger);
        var browser = await app.LoginAsync(planner, org);

        using var created = await StabsrumFactory.PostFormAsync(browser, "/beredskab/actionkort/ny", new Dictionary<string, string>
        {
            ["Input.Title"] = "Logfører ved aktivering",
            ["Input.Steps[0].Text"] = "Åbn kriseloggen",
            ["Input.Steps[0].ResponsibleRole"] = "Logfører",
            ["Input.Steps[1].Text"] = "",
            ["ClientId"] = Guid.CreateVersion7().ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var edit = created.Headers.Location!.OriginalString;
        using var published = await StabsrumFactory.PostFormAsync(browser, edit + "?handler=Publish", new Dictionary<string, string> { ["version"] = "1" }, formPage: edit);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var details = WebUtility.HtmlDecode(await browser.GetStringAsync(published.Headers.Location));
        Assert.Contains("Gældende version", details, StringComparison.Ordinal);
        Assert.Contains("Åbn kriseloggen", details, StringComparison.Ordinal);
    }
}
