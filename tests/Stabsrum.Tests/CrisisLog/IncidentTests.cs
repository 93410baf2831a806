using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;
using static Stabsrum.Tests.CrisisLog.CrisisLogSteps;

namespace Stabsrum.Tests.CrisisLog;

/// <summary>Incidents: exercise flag, types, level changes by the authority rules, phases and closing.</summary>
public sealed class IncidentTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    private static readonly string[] StormTypes = ["Storm", "Cyberangreb"];

    [Fact]
    public async Task Raising_the_level_follows_the_organisations_rules_and_is_logged_with_who_when_and_why()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi, exercise: true);

        using (var noPosition = await s.StaffApi.PutAsync($"/api/v1/incidents/{incident}/level", Json(new { level = 1, reason = "Vand i kældre" })))
        {
            var problem = await ProblemAsync(noPosition, HttpStatusCode.Forbidden);
            Assert.Contains("ikke angivet", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        await SetAuthorityAsync(app, s.AdminApi, s.Org, s.Staff, "Centerchef", clearance: false);
        using (var noReason = await s.StaffApi.PutAsync($"/api/v1/incidents/{incident}/level", Json(new { level = 1 })))
        {
            Assert.True((await ProblemAsync(noReason, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reason", out _));
        }

        var levelEntry = Guid.NewGuid();
        using (var raised = await s.StaffApi.PutAsync($"/api/v1/incidents/{incident}/level", Json(new { level = 1, reason = "Vand i kældre", entryId = levelEntry })))
        {
            Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        }

        // A retry of the same change (same entry id) is answered with the entry already written, not refused.
        using (var retried = await s.StaffApi.PutAsync($"/api/v1/incidents/{incident}/level", Json(new { level = 1, reason = "Vand i kældre", entryId = levelEntry })))
        {
            Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        }

        using (var tooHigh = await s.StaffApi.PutAsync($"/api/v1/incidents/{incident}/level", Json(new { level = 2, reason = "Plejecenter truet" })))
        {
            var problem = await ProblemAsync(tooHigh, HttpStatusCode.Forbidden);
            Assert.Contains("Centerchef", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // A direktør may go to 2 (seed 001: centerchef to 1, direktør to 2).
        await SetAuthorityAsync(app, s.AdminApi, s.Org, s.Staff, "Direktør", clearance: false);
        using (var raised = await s.StaffApi.PutAsync($"/api/v1/incidents/{incident}/level", Json(new { level = 2, reason = "Plejecenter truet" })))
        {
            Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        }

        var detail = await s.StaffApi.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incident}");
        Assert.Equal(2, detail.GetProperty("incident").GetProperty("level").GetInt32());
        Assert.Equal("Beredskabsniveau 2", detail.GetProperty("incident").GetProperty("levelName").GetString());
        Assert.True(detail.GetProperty("incident").GetProperty("isExercise").GetBoolean());

        var levelEntries = (await LogAsync(s.StaffApi, incident)).Where(e => e.GetProperty("subject").GetString() == "Level").ToList();
        Assert.Equal(2, levelEntries.Count);
        var newest = levelEntries[0];
        Assert.Equal("Beslutning", newest.GetProperty("kind").GetString());
        Assert.Equal("Plejecenter truet", newest.GetProperty("rationale").GetString());
        Assert.Contains("Direktør", newest.GetProperty("decidedBy").GetString(), StringComparison.Ordinal);
        Assert.Contains("Beredskabsniveau 1 til Beredskabsniveau 2", newest.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(newest.GetProperty("significant").GetBoolean());
    }

    [Fact]
    public async Task The_rules_and_the_incident_types_are_the_organisations_own()
    {
        var s = await SetUpAsync(app);
        using (var rules = await s.AdminApi.PutAsync("/api/v1/incident-authority", Json(new { rules = new[] { new { position = "Beredskabschef", maxLevel = 2, mayClose = true } } })))
        {
            Assert.Equal(HttpStatusCode.OK, rules.StatusCode);
        }

        using (var types = await s.AdminApi.PutAsync("/api/v1/incident-types", Json(new { names = StormTypes })))
        {
            Assert.Equal(HttpStatusCode.OK, types.StatusCode);
        }

        Assert.Equal<string>(["Storm", "Cyberangreb"], (await s.StaffApi.GetFromJsonAsync<List<string>>("/api/v1/incident-types"))!);
        using (var oldType = await s.StaffApi.PostAsync("/api/v1/incidents", Json(new { title = "Regn", type = "Vejr" })))
        {
            Assert.True((await ProblemAsync(oldType, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("type", out _));
        }

        using var created = await s.StaffApi.PostAsync("/api/v1/incidents", Json(new { title = "Storm", type = "Storm" }));
        var incident = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // The admin is "Borgmester", which is no longer in the organisation's rules.
        using var denied = await s.AdminApi.PutAsync($"/api/v1/incidents/{incident}/level", Json(new { level = 1, reason = "Storm" }));
        await ProblemAsync(denied, HttpStatusCode.Forbidden);
        await SetAuthorityAsync(app, s.AdminApi, s.Org, s.Staff, "beredskabschef", clearance: false);
        using var allowed = await s.StaffApi.PutAsync($"/api/v1/incidents/{incident}/level", Json(new { level = 2, reason = "Storm" }));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Phases_move_and_only_the_role_allowed_to_close_can_close()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        using (var phase = await s.StaffApi.PutAsync($"/api/v1/incidents/{incident}/phase", Json(new { phase = "Operationel" })))
        {
            Assert.Equal(HttpStatusCode.OK, phase.StatusCode);
        }

        await SetAuthorityAsync(app, s.AdminApi, s.Org, s.Staff, "Direktør", clearance: false);
        using (var denied = await s.StaffApi.PostAsync($"/api/v1/incidents/{incident}/close", Json(new { reason = "Slut" })))
        {
            await ProblemAsync(denied, HttpStatusCode.Forbidden);
        }

        using (var closed = await s.AdminApi.PostAsync($"/api/v1/incidents/{incident}/close", Json(new { reason = "Vandet er væk" })))
        {
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        }

        var detail = await s.StaffApi.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incident}");
        Assert.Equal("Afsluttet", detail.GetProperty("incident").GetProperty("status").GetString());
        Assert.Equal("Afviklet", detail.GetProperty("incident").GetProperty("phase").GetString());

        using var late = await AppendAsync(s.StaffApi, incident, new { id = Guid.NewGuid(), kind = "Information", text = "For sent" });
        Assert.True((await ProblemAsync(late, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("incident", out _));
        Assert.True((await VerifyAsync(s.StaffApi, incident)).GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task An_exercise_and_a_real_incident_run_side_by_side_and_the_list_marks_the_exercise()
    {
        var s = await SetUpAsync(app);
        var real = await CreateIncidentAsync(s.StaffApi, "Rigtig hændelse");
        var exercise = await CreateIncidentAsync(s.StaffApi, "Øvelse: storm", exercise: true);
        var list = await s.StaffApi.GetFromJsonAsync<List<JsonElement>>("/api/v1/incidents?status=Aktiv");
        Assert.False(list!.Single(i => i.GetProperty("id").GetGuid() == real).GetProperty("isExercise").GetBoolean());
        Assert.True(list!.Single(i => i.GetProperty("id").GetGuid() == exercise).GetProperty("isExercise").GetBoolean());
    }

    [Fact]
    public async Task Another_organisation_sees_nothing_of_our_incidents()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi, "Vores hemmelige hændelse");
        var theirs = await app.CreateOrganisationAsync();
        var intruder = await app.CreateUserAsync(theirs, OrganisationRole.Administrator);
        var api = await app.CreateApiClientAsync(intruder, theirs);

        foreach (var url in new[] { $"/api/v1/incidents/{incident}", $"/api/v1/incidents/{incident}/log", $"/api/v1/incidents/{incident}/log/verify", $"/api/v1/incidents/{incident}/staff", $"/api/v1/incidents/{incident}/events" })
        {
            using var response = await api.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }

        using (var write = await AppendAsync(api, incident, new { id = Guid.NewGuid(), kind = "Information", text = "Indbrud" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        }

        using (var level = await api.PutAsync($"/api/v1/incidents/{incident}/level", Json(new { level = 1, reason = "x" })))
        {
            Assert.Equal(HttpStatusCode.NotFound, level.StatusCode);
        }

        Assert.DoesNotContain("Vores hemmelige", await api.GetStringAsync("/api/v1/incidents"), StringComparison.Ordinal);
        Assert.Single(await LogAsync(s.StaffApi, incident));
    }
}
