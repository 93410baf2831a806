using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Features.Meetings;
using Stabsrum.Features.Tasks;
using Stabsrum.Tests.CrisisLog;
using static Stabsrum.Tests.Meetings.MeetingSteps;

namespace Stabsrum.Tests.Meetings;

/// <summary>Meeting mode: a decision's follow-up lines become tasks; in an incident's meeting the decision is logged.</summary>
public sealed class DecisionTests(MeetingsFactory app) : IClassFixture<MeetingsFactory>
{
    [Fact]
    public async Task An_incident_meetings_decision_becomes_two_tasks_and_one_log_entry_decided_by_the_body()
    {
        var s = await SetUpAsync(app);
        var incident = await CrisisLogSteps.CreateIncidentAsync(s.Owner, "Skybrud");
        var (meeting, item) = await PublishedMeetingAsync(s, incident);
        await ReadAsync(await s.Owner.PutAsync($"/api/v1/meetings/{meeting}/attendance", Json(new { people = new[] { new { name = "Krisestabschef", present = true }, new { name = "Tovholder", present = false } } })), HttpStatusCode.NoContent);
        await ReadAsync(await s.Owner.PutAsync($"/api/v1/meetings/{meeting}/status-round", Json(new { units = new[] { new { unit = "Teknik og Miljø", text = "Pumper kører." } } })), HttpStatusCode.NoContent);

        var decided = await DecideAsync(s.Owner, meeting, item);
        var again = await DecideAsync(s.Owner, meeting, item);

        Assert.Equal("Indstillingen godkendt.", decided.GetProperty("decision").GetString());
        var tasks = await app.WithDbAsync(s.Org.Id, (db, _) => db.StaffTasks.Where(t => t.OriginId == item).OrderBy(t => t.Title).ToListAsync());
        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(TaskOriginKind.MeetingDecision, t.OriginKind));
        Assert.All(tasks, t => Assert.Equal(incident, t.IncidentId));
        Assert.Equal(["Bestil busser", "Orientér pårørende"], tasks.Select(t => t.Title));
        Assert.Equal(["Tovholder", "Social og Sundhed"], tasks.Select(t => t.OwnerName));
        Assert.Equal(decided.GetProperty("actions")[0].GetProperty("taskId").GetGuid(), tasks[0].Id);
        Assert.Equal(new DateTimeOffset(2026, 12, 11, 15, 0, 0, TimeSpan.Zero), tasks[0].Deadline);
        Assert.Contains("punkt 1: Evakuering af plejecenter", tasks[0].OriginLabel, StringComparison.Ordinal);
        Assert.Equal(decided.GetProperty("logEntryId").GetGuid(), again.GetProperty("logEntryId").GetGuid());

        var entries = await app.WithDbAsync(s.Org.Id, (db, _) => db.CrisisLogEntries.Where(e => e.IncidentId == incident && e.Kind == LogEntryKind.Beslutning).ToListAsync());
        var entry = Assert.Single(entries);
        Assert.Equal(decided.GetProperty("logEntryId").GetGuid(), entry.Id);
        Assert.Equal("Krisestyringsstab", entry.DecidedBy);
        Assert.Equal("Tovholderen indstiller, at plejecentret evakueres.", entry.Rationale);
        Assert.Contains("Indstillingen godkendt.", entry.Text, StringComparison.Ordinal);

        // Offered to the next situation picture: the draft lists what was decided since the last published version.
        var since = await s.Owner.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incident}/situation-pictures/since");
        Assert.Contains(since.EnumerateArray(), i => i.GetProperty("entryId").GetGuid() == entry.Id && i.GetProperty("kind").GetString() == "Beslutning");
    }

    [Fact]
    public async Task A_board_meetings_decision_makes_tasks_but_no_log_entry()
    {
        var s = await SetUpAsync(app);
        var (meeting, item) = await PublishedMeetingAsync(s);
        var decided = await DecideAsync(s.Owner, meeting, item);

        Assert.Equal(JsonValueKindNull, decided.GetProperty("logEntryId").ValueKind);
        Assert.Equal(2, await app.WithDbAsync(s.Org.Id, (db, _) => db.StaffTasks.CountAsync(t => t.OriginId == item && t.IncidentId == null && t.OriginKind == TaskOriginKind.MeetingDecision)));
        Assert.Equal(0, await app.WithDbAsync(s.Org.Id, (db, _) => db.CrisisLogEntries.CountAsync(e => e.Kind == LogEntryKind.Beslutning)));
    }

    [Fact]
    public async Task A_different_second_decision_is_a_conflict_and_an_empty_follow_up_line_saves_nothing()
    {
        var s = await SetUpAsync(app);
        var (meeting, item) = await PublishedMeetingAsync(s);
        var bad = await ReadAsync(await s.Owner.PostAsync($"/api/v1/meetings/{meeting}/items/{item}/decision", Json(new
        {
            decision = "Godkendt",
            actions = new[] { new { text = "", ownerName = "" } },
        })), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("actions[0].text", out _));
        Assert.Null(await app.WithDbAsync(s.Org.Id, (db, _) => db.AgendaItems.Where(i => i.Id == item).Select(i => i.Decision).SingleAsync()));

        await DecideAsync(s.Owner, meeting, item);
        var clash = await ReadAsync(await s.Owner.PostAsync($"/api/v1/meetings/{meeting}/items/{item}/decision", Json(new { decision = "Noget andet" })), HttpStatusCode.Conflict);
        Assert.Contains("allerede en beslutning", clash.GetProperty("detail").GetString()!, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(s.Org.Id, (db, _) => db.DecisionActions.CountAsync(a => a.ItemId == item)));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
