using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Stabsrum.Features.CaseFile;
using Stabsrum.Features.ResourceRequests;
using Stabsrum.Features.Tasks;
using Stabsrum.Tests.Infrastructure;
using static Stabsrum.Tests.CrisisLog.CrisisLogSteps;
using static Stabsrum.Tests.Tasks.TaskSteps;

namespace Stabsrum.Tests.Tasks;

/// <summary>The case-file (sagsakt) chapters for tasks and resource requests: final status, history, deterministic data.</summary>
public sealed class CaseFileChapterTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    [Fact]
    public async Task The_tasks_chapter_holds_each_tasks_final_status_and_history_and_is_the_same_when_loaded_twice()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        var done = (await CreateTaskOkAsync(s.StaffApi, incident, new { id = Guid.CreateVersion7(), title = "Åbn evakueringscenter", deadline = app.Clock.GetUtcNow().AddHours(1) })).GetProperty("id").GetGuid();
        await CreateTaskOkAsync(s.StaffApi, incident, new { id = Guid.CreateVersion7(), title = "Luk vejen", recipient = "Vej og Park", deadline = app.Clock.GetUtcNow().AddHours(1) });
        (await TransitionAsync(s.StaffApi, done, new { status = "IGang" })).Dispose();
        (await TransitionAsync(s.StaffApi, done, new { status = "Udfoert" })).Dispose();
        app.Clock.Advance(TimeSpan.FromHours(2));

        var (section, first) = await LoadAsync<CaseFileTasks>(s.Org.Id, incident);
        var (_, second) = await LoadAsync<CaseFileTasks>(s.Org.Id, incident);

        Assert.Equal("opgaver.json", section.JsonFileName);
        Assert.Equal(JsonSerializer.Serialize(first), JsonSerializer.Serialize(second));
        var data = Assert.IsType<CaseFileTasksData>(first);
        Assert.Equal((2, 1, 1, 1), (data.Total, data.Done, data.Open, data.Overdue));
        var finished = data.Tasks.Single(t => t.Title == "Åbn evakueringscenter");
        Assert.Equal("Udført", finished.FinalStatus);
        Assert.Equal(["Ikke startet", "I gang", "Udført"], finished.History.Select(h => h.To));
        Assert.Matches(@"^\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2} \+0[12]:00$", finished.CreatedAt);
        var order = data.Tasks.Single(t => t.Title == "Luk vejen");
        Assert.Equal(("Vej og Park", true, "Ordre"), (order.Recipient, order.OverdueWhenFiled, order.Origin));
    }

    [Fact]
    public async Task The_requests_chapter_lists_each_request_with_its_steps_and_nothing_from_other_incidents()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        var otherIncident = await CreateIncidentAsync(s.StaffApi, "Andet");
        foreach (var (target, what) in new[] { (incident, "sandsække"), (otherIncident, "tæpper") })
        {
            using var created = await s.StaffApi.PostAsync($"/api/v1/incidents/{target}/resource-requests", Json(new
            {
                id = Guid.CreateVersion7(),
                requesterKind = "Partner",
                requesterName = "Politiet",
                what,
                quantity = 100,
                location = "Strandvejen",
                contact = "Vagtchef",
            }));
            created.EnsureSuccessStatusCode();
        }

        var (_, chapter) = await LoadAsync<CaseFileResourceRequests>(s.Org.Id, incident);
        var data = Assert.IsType<CaseFileRequestsData>(chapter);
        var request = Assert.Single(data.Requests);
        Assert.Equal(("sandsække", "Modtaget"), (request.What, request.FinalStatus));
        Assert.Single(request.Steps);
    }

    private Task<(ICaseFileSection Section, object Data)> LoadAsync<T>(Guid org, Guid incident) =>
        app.WithDbAsync(org, async (db, sp) =>
        {
            var section = sp.GetServices<ICaseFileSection>().Single(x => x is T);
            return (section, (await section.LoadAsync(db, new CaseFileRequest(incident, IncludeConfidential: true), CancellationToken.None)).Data);
        });
}
