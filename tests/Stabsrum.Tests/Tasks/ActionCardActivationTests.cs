using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Stabsrum.Tests.Infrastructure;
using static Stabsrum.Tests.CrisisLog.CrisisLogSteps;
using static Stabsrum.Tests.Tasks.TaskSteps;

namespace Stabsrum.Tests.Tasks;

/// <summary>Taking a published action card into use in an incident: tasks per step for the named roles, a log entry, progress.</summary>
public sealed class ActionCardActivationTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    [Fact]
    public async Task Activation_turns_the_steps_into_tasks_for_the_roles_writes_the_log_and_is_idempotent()
    {
        var s = await SetUpAsync(app);
        var card = await PublishedCardAsync(s.AdminApi, "Skybrud", ("Varsl beboere i lavtliggende områder", "Kommunikationsansvarlig"), ("Udlevér sandsække", "Tovholder"));
        var incident = await CreateIncidentAsync(s.StaffApi);
        var id = Guid.CreateVersion7();

        using (var activated = await s.StaffApi.PostAsync($"/api/v1/incidents/{incident}/action-cards", Json(new { id, actionCardId = card })))
        {
            Assert.True(activated.StatusCode == HttpStatusCode.Created, await activated.Content.ReadAsStringAsync());
            var body = await activated.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(2, body.GetProperty("tasks").GetInt32());
            Assert.Equal(1, body.GetProperty("versionNumber").GetInt32());
        }

        using (var retry = await s.StaffApi.PostAsync($"/api/v1/incidents/{incident}/action-cards", Json(new { id, actionCardId = card })))
        {
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        }

        using (var again = await s.StaffApi.PostAsync($"/api/v1/incidents/{incident}/action-cards", Json(new { id = Guid.CreateVersion7(), actionCardId = card })))
        {
            await ProblemAsync(again, HttpStatusCode.Conflict);
        }

        var tasks = await TasksAsync(s.StaffApi, incident);
        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.Equal("ActionCardStep", t.GetProperty("originKind").GetString()));
        var versionId = tasks[0].GetProperty("originId").GetGuid();
        Assert.All(tasks, t => Assert.Equal(versionId, t.GetProperty("originId").GetGuid()));
        Assert.Equal(["Kommunikationsansvarlig", "Tovholder"], tasks.Select(t => t.GetProperty("ownerRole").GetString()).Order(StringComparer.Ordinal));
        Assert.Contains(tasks, t => t.GetProperty("originLabel").GetString() == "Skybrud (version 1), trin 2");
        Assert.Single(await LogAsync(s.StaffApi, incident), e => e.GetProperty("text").GetString()!.Contains("Actionkort »Skybrud« (version 1)", StringComparison.Ordinal));

        var first = tasks.Single(t => t.GetProperty("ownerRole").GetString() == "Tovholder").GetProperty("id").GetGuid();
        using (await TransitionAsync(s.StaffApi, first, new { status = "Udfoert" }))
        {
        }

        var progress = (await s.StaffApi.GetFromJsonAsync<List<JsonElement>>($"/api/v1/incidents/{incident}/action-cards"))!.Single();
        Assert.Equal(1, progress.GetProperty("done").GetInt32());
        Assert.Equal(1, progress.GetProperty("open").GetInt32());
        Assert.Equal(50, progress.GetProperty("percentFinished").GetInt32());
    }

    [Fact]
    public async Task An_unknown_or_foreign_card_is_refused_and_nothing_is_created()
    {
        var s = await SetUpAsync(app);
        var other = await SetUpAsync(app);
        var theirCard = await PublishedCardAsync(other.AdminApi, "Deres kort", ("Hemmeligt trin", "Kriseleder"));
        var incident = await CreateIncidentAsync(s.StaffApi);

        using var refused = await s.StaffApi.PostAsync($"/api/v1/incidents/{incident}/action-cards", Json(new { id = Guid.CreateVersion7(), actionCardId = theirCard }));
        Assert.True((await ProblemAsync(refused, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("actionCardId", out _));
        Assert.Empty(await TasksAsync(s.StaffApi, incident));
        Assert.Single(await LogAsync(s.StaffApi, incident));
    }
}
