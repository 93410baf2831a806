using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Stabsrum.Features.Registry;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Registry;

public sealed class AlarmListTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    [Fact]
    public async Task The_activation_list_stops_at_first_contact_and_takes_substitutes_from_the_person()
    {
        var (_, api) = await RegistryClient.PlannerAsync(app);
        var deputy = await api.PersonAsync("Dorte Vicechef", "20000002");
        var chief = await api.PersonAsync("Carsten Beredskabschef", "20000001", deputy);
        var mayor = await api.PersonAsync("Birgit Borgmester", "20000003");
        var board = await api.RoleAsync("Direktion");
        var director = await api.CreatePersonAsync(new { name = "Dan Direktør", mobilePhone = "20000004", roleIds = new[] { board } });

        using var created = await api.PostAsJsonAsync("/api/v1/alarm-lists", new
        {
            name = "Aktivering af krisestyring",
            purpose = "Hvem beslutter aktivering",
            mode = "StopAtFirstContact",
            entries = new object[] { new { personId = chief }, new { personId = mayor }, new { roleId = board } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var plan = await api.GetFromJsonAsync<JsonElement>($"/api/v1/alarm-lists/{id}/contact-sequence");
        Assert.True(plan.GetProperty("stopAtFirst").GetBoolean());
        var attempts = plan.GetProperty("steps").EnumerateArray()
            .SelectMany(s => s.GetProperty("attempts").EnumerateArray().Select(a => (a.GetProperty("name").GetString(), a.GetProperty("reason").GetString(), a.GetProperty("phones")[0].GetString())))
            .ToList();
        Assert.Equal(
            [("Carsten Beredskabschef", "Named", "+4520000001"), ("Dorte Vicechef", "Substitute", "+4520000002"), ("Birgit Borgmester", "Named", "+4520000003"), ("Dan Direktør", "RoleHolder", "+4520000004")],
            attempts);
        _ = director;
    }

    [Fact]
    public async Task A_notify_all_list_reports_a_quorum_shortfall_and_the_readiness_panel_shows_it()
    {
        var (_, api) = await RegistryClient.PlannerAsync(app);
        var logger = await api.RoleAsync("Logfører");
        await api.CreatePersonAsync(new { name = "Lone Log", mobilePhone = "20000010", roleIds = new[] { logger } });
        using var created = await api.PostAsJsonAsync("/api/v1/alarm-lists", new { name = "Krisestabens roller", mode = "NotifyAll", entries = new[] { new { roleId = logger, quorum = 2 } } });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var plan = await api.GetFromJsonAsync<JsonElement>($"/api/v1/alarm-lists/{id}/contact-sequence");
        var step = plan.GetProperty("steps")[0];
        Assert.Equal(2, step.GetProperty("required").GetInt32());
        Assert.True(step.GetProperty("short").GetBoolean());
        Assert.Contains("1 person har rollen, men der kræves 2", step.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);

        var readiness = await api.GetFromJsonAsync<JsonElement>("/api/v1/readiness");
        var shortfall = readiness.GetProperty("rolesShort")[0];
        Assert.Equal("Logfører", shortfall.GetProperty("role").GetString());
        Assert.Equal(1, shortfall.GetProperty("candidates").GetInt32());
        Assert.Equal(2, shortfall.GetProperty("quorum").GetInt32());
        Assert.Contains(readiness.GetProperty("withoutSubstitute").EnumerateArray(), p => p.GetProperty("name").GetString() == "Lone Log");
        Assert.Contains(readiness.GetProperty("contactUnverified").EnumerateArray(), p => p.GetProperty("name").GetString() == "Lone Log");
    }

    [Fact]
    public async Task Entries_referring_to_deleted_or_erased_persons_are_refused_and_nothing_is_saved()
    {
        var (_, api) = await RegistryClient.PlannerAsync(app);
        var gone = await api.PersonAsync("Slettet Sørensen");
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/key-persons/{gone}")).StatusCode);
        var erased = await api.PersonAsync("Anonym Andersen");
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync($"/api/v1/key-persons/{erased}/erase", null)).StatusCode);

        using var response = await api.PostAsJsonAsync("/api/v1/alarm-lists", new
        {
            name = "Med spøgelser",
            mode = "StopAtFirstContact",
            entries = new object[] { new { personId = gone }, new { personId = erased }, new { personId = (Guid?)null } },
        });

        var messages = (await RegistryClient.ErrorsAsync(response)).GetProperty("entries").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains("Linje 1: personen findes ikke (den kan være slettet eller anonymiseret).", messages);
        Assert.Contains("Linje 2: personen findes ikke (den kan være slettet eller anonymiseret).", messages);
        Assert.Contains("Linje 3: vælg enten en person eller en rolle.", messages);
        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>("/api/v1/alarm-lists")).GetArrayLength());
    }

    [Fact]
    public async Task Reordering_replaces_the_entries_in_the_given_order()
    {
        var (_, api) = await RegistryClient.PlannerAsync(app);
        var a = await api.PersonAsync("Aase");
        var b = await api.PersonAsync("Bjarne");
        using var created = await api.PostAsJsonAsync("/api/v1/alarm-lists", new { name = "L", mode = "StopAtFirstContact", entries = new[] { new { personId = a }, new { personId = b } } });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var swapped = await api.PutAsJsonAsync($"/api/v1/alarm-lists/{id}", new { name = "L", mode = "StopAtFirstContact", entries = new[] { new { personId = b }, new { personId = a } } });
        Assert.Equal(HttpStatusCode.NoContent, swapped.StatusCode);

        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/alarm-lists/{id}");
        Assert.Equal(["Bjarne", "Aase"], list.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("label").GetString()));
    }

    [Fact]
    public void The_contact_sequence_goes_breadth_first_through_substitutes_and_never_repeats_a_person()
    {
        ContactPerson P(string name, params Guid[] subs) => new(Guid.NewGuid(), name, null, ["+4520000000"], null, subs);
        var s2 = P("S2");
        var s1 = P("S1", s2.Id);
        var chief = P("Chef", s1.Id, s2.Id);
        var holderA = P("A", chief.Id);
        var role = new ContactRole(Guid.NewGuid(), "Logfører", [holderA.Id, chief.Id]);
        var persons = new[] { s2, s1, chief, holderA }.ToDictionary(p => p.Id);
        var directory = new ContactDirectory(Guid.NewGuid(), "Test", AlarmMode.NotifyAll,
            [new ContactListEntry(1, chief.Id, null, 1), new ContactListEntry(2, null, role.Id, 3)],
            persons, new Dictionary<Guid, ContactRole> { [role.Id] = role });

        var plan = ContactSequence.Compute(directory);

        Assert.Equal(["Chef", "S1", "S2"], plan.Steps[0].Attempts.Select(a => a.Person.Name));
        Assert.Equal(chief.Id, plan.Steps[0].Attempts[2].StandsInFor);
        Assert.Equal(["A", "Chef", "S1", "S2"], plan.Steps[1].Attempts.Select(a => a.Person.Name));
        Assert.Equal(3, plan.Steps[1].Required);
        Assert.Contains(plan.Warnings, w => w.Contains("der kræves 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_organisation_gets_404_for_our_lists_and_cannot_use_our_persons()
    {
        var (_, ours) = await RegistryClient.PlannerAsync(app);
        var person = await ours.PersonAsync("Vores Person");
        using var created = await ours.PostAsJsonAsync("/api/v1/alarm-lists", new { name = "Vores liste", mode = "StopAtFirstContact", entries = new[] { new { personId = person } } });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var (_, theirs) = await RegistryClient.PlannerAsync(app, OrganisationRole.Administrator);

        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/api/v1/alarm-lists/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/api/v1/alarm-lists/{id}/contact-sequence")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.DeleteAsync($"/api/v1/alarm-lists/{id}")).StatusCode);
        Assert.Equal(0, (await theirs.GetFromJsonAsync<JsonElement>("/api/v1/alarm-lists")).GetArrayLength());
        using var steal = await theirs.PostAsJsonAsync("/api/v1/alarm-lists", new { name = "Stjålet", mode = "StopAtFirstContact", entries = new[] { new { personId = person } } });
        Assert.Equal(HttpStatusCode.BadRequest, steal.StatusCode);
    }

    [Fact]
    public async Task A_planner_builds_a_list_on_the_pages_and_sees_the_call_sequence()
    {
        var org = await app.CreateOrganisationAsync();
        var planner = await app.CreateUserAsync(org, OrganisationRole.Planlaegger);
        var browser = await app.LoginAsync(planner, org);
        var api = await app.CreateApiClientAsync(planner, org);
        var deputy = await api.PersonAsync("Vice Vicesen", "20000022");
        var chief = await api.PersonAsync("Chef Chefsen", "20000021", deputy);

        using var created = await StabsrumFactory.PostFormAsync(browser, "/beredskab/alarmeringslister", new Dictionary<string, string> { ["Input.Name"] = "Aktivering", ["Input.Mode"] = "StopAtFirstContact" });
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, $"{created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        var detail = created.Headers.Location!.OriginalString;
        using var added = await StabsrumFactory.PostFormAsync(browser, detail + "?handler=Add", new Dictionary<string, string> { ["personId"] = chief.ToString() }, formPage: detail);
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, $"{added.StatusCode} {added.Headers.Location} {await added.Content.ReadAsStringAsync()}");

        var page = await browser.PageAsync(detail);
        Assert.Contains("Chef Chefsen – Navngivet · +45 20 00 00 21", page, StringComparison.Ordinal);
        Assert.Contains("Vice Vicesen – Stedfortræder · +45 20 00 00 22", page, StringComparison.Ordinal);
    }
}
