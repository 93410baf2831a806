using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Tasks;
using Stabsrum.Tests.Infrastructure;
using static Stabsrum.Tests.CrisisLog.CrisisLogSteps;
using static Stabsrum.Tests.Tasks.TaskSteps;

namespace Stabsrum.Tests.Tasks;

/// <summary>Tasks, written orders and tasks from decisions through the API: origins, transitions, bad input.</summary>
public sealed class TasksApiTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    [Fact]
    public async Task A_task_is_created_once_started_completed_and_an_illegal_change_is_refused_with_409()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        var id = Guid.CreateVersion7();
        var body = new { id, title = "Skaf 500 sandsække", ownerName = "Materielgården", deadline = app.Clock.GetUtcNow().AddHours(2), priority = "Hoej" };

        var created = await CreateTaskOkAsync(s.StaffApi, incident, body);
        Assert.Equal("IkkeStartet", created.GetProperty("status").GetString());
        Assert.Equal("Manual", created.GetProperty("originKind").GetString());
        using (var retry = await CreateTaskAsync(s.StaffApi, incident, body))
        {
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        }

        using (var started = await TransitionAsync(s.StaffApi, id, new { status = "IGang" }))
        {
            Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        }

        using (var done = await TransitionAsync(s.StaffApi, id, new { status = "Udfoert" }))
        {
            Assert.Equal("Udfoert", (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }

        using (var reopen = await TransitionAsync(s.StaffApi, id, new { status = "IGang" }))
        {
            var problem = await ProblemAsync(reopen, HttpStatusCode.Conflict);
            Assert.Contains("udført og kan ikke ændres", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var details = await s.StaffApi.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}");
        Assert.Equal(3, details.GetProperty("history").GetArrayLength());
        Assert.Single(await TasksAsync(s.StaffApi, incident));
        Assert.Empty(await TasksAsync(s.StaffApi, incident, "?aabne=true"));
    }

    [Fact]
    public async Task A_written_order_is_a_task_with_a_recipient_and_an_Ordre_entry_in_the_log()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        var id = Guid.CreateVersion7();

        var order = await CreateTaskOkAsync(s.StaffApi, incident, new { id, title = "Luk Vallensbæk Strandvej ved nr. 10", recipient = "Vej og Park", description = "Skilt omkørsel" });

        Assert.Equal("Order", order.GetProperty("originKind").GetString());
        Assert.Equal("Vej og Park", order.GetProperty("recipient").GetString());
        var log = await LogAsync(s.StaffApi, incident);
        var entry = Assert.Single(log, e => e.GetProperty("kind").GetString() == "Ordre");
        Assert.Equal(id, entry.GetProperty("id").GetGuid());
        Assert.Equal("Vej og Park", entry.GetProperty("recipient").GetString());
        Assert.Contains("Luk Vallensbæk Strandvej", entry.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(order.GetProperty("originId").GetGuid(), entry.GetProperty("id").GetGuid());

        using var retry = await CreateTaskAsync(s.StaffApi, incident, new { id, title = "Luk Vallensbæk Strandvej ved nr. 10", recipient = "Vej og Park", description = "Skilt omkørsel" });
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Single(await LogAsync(s.StaffApi, incident), e => e.GetProperty("kind").GetString() == "Ordre");
        Assert.True((await VerifyAsync(s.StaffApi, incident)).GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task A_task_from_a_logged_decision_keeps_the_decision_as_origin_other_entries_are_refused()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        var decision = await AppendOkAsync(s.StaffApi, incident, new { id = Guid.NewGuid(), kind = "Beslutning", text = "Vi åbner en varmestue", decidedBy = "Stabschefen", rationale = "Strømsvigt" });
        var information = await AppendOkAsync(s.StaffApi, incident, new { id = Guid.NewGuid(), kind = "Information", text = "Det regner" });

        var task = await CreateTaskOkAsync(s.StaffApi, incident, new { id = Guid.CreateVersion7(), title = "Åbn varmestuen på rådhuset", fromLogEntryId = decision.GetProperty("id").GetGuid() });
        Assert.Equal("LogDecision", task.GetProperty("originKind").GetString());
        Assert.Equal(decision.GetProperty("id").GetGuid(), task.GetProperty("originId").GetGuid());
        Assert.Contains("Vi åbner en varmestue", task.GetProperty("originLabel").GetString(), StringComparison.Ordinal);

        using var refused = await CreateTaskAsync(s.StaffApi, incident, new { id = Guid.CreateVersion7(), title = "Fra information", fromLogEntryId = information.GetProperty("id").GetGuid() });
        var problem = await ProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("fromLogEntryId", out _));
    }

    [Fact]
    public async Task The_log_offers_a_task_under_each_decision_and_the_task_page_keeps_the_decision_as_origin()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        var decisionId = (await AppendOkAsync(s.StaffApi, incident, new { id = Guid.NewGuid(), kind = "Beslutning", text = "Vi åbner en varmestue", decidedBy = "Stabschefen", rationale = "Strømsvigt" })).GetProperty("id").GetGuid();
        var informationId = (await AppendOkAsync(s.StaffApi, incident, new { id = Guid.NewGuid(), kind = "Information", text = "Det regner" })).GetProperty("id").GetGuid();
        var browser = await app.LoginAsync(s.Staff, s.Org);

        var log = await browser.GetStringAsync($"/haendelser/{incident}");
        var href = $"/haendelser/{incident}/opgaver?beslutning={decisionId}#ny-opgave";
        Assert.Contains($"href=\"{href}\"", log, StringComparison.Ordinal);
        Assert.DoesNotContain($"beslutning={informationId}", log, StringComparison.Ordinal);

        var form = $"/haendelser/{incident}/opgaver?beslutning={decisionId}";
        var page = await browser.GetStringAsync(form);
        Assert.Contains("Opgaven oprettes fra beslutning", page, StringComparison.Ordinal);
        var taskId = Guid.CreateVersion7();
        using (var created = await StabsrumFactory.PostFormAsync(browser, $"/haendelser/{incident}/opgaver?handler=Create", new Dictionary<string, string>
        {
            ["Form.Id"] = taskId.ToString(),
            ["Form.Title"] = "Åbn varmestuen på rådhuset",
            ["Form.FromLogEntryId"] = decisionId.ToString(),
        }, form))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var task = (await s.StaffApi.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{taskId}")).GetProperty("task");
        Assert.Equal("LogDecision", task.GetProperty("originKind").GetString());
        Assert.Equal(decisionId, task.GetProperty("originId").GetGuid());

        var reader = await app.CreateUserAsync(s.Org, Stabsrum.Infrastructure.Tenancy.OrganisationRole.Laeser);
        var readerLog = await (await app.LoginAsync(reader, s.Org)).GetStringAsync($"/haendelser/{incident}");
        Assert.DoesNotContain("Opret opgave", readerLog, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadTasks => new()
    {
        { "empty title", """{"id":"$ID","title":"  "}""", "title" },
        { "deadline before creation", """{"id":"$ID","title":"For sent","deadline":"$PAST"}""", "deadline" },
        { "unknown key person", """{"id":"$ID","title":"Ring","ownerKeyPersonId":"$OTHER"}""", "ownerKeyPersonId" },
        { "user not a member", """{"id":"$ID","title":"Ring","ownerUserId":"$OTHER"}""", "ownerUserId" },
        { "no id", """{"title":"Uden id"}""", "id" },
        { "title too long", """{"id":"$ID","title":"$LONG"}""", "title" },
    };

    [Theory]
    [MemberData(nameof(BadTasks))]
    public async Task Bad_tasks_are_refused_with_a_problem_naming_the_field_and_nothing_is_saved(string label, string template, string field)
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        var json = template.Replace("$ID", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("$PAST", app.Clock.GetUtcNow().AddHours(-1).ToString("O"), StringComparison.Ordinal)
            .Replace("$OTHER", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("$LONG", new string('x', StaffTask.MaxTitleLength + 1), StringComparison.Ordinal);

        using var response = await s.StaffApi.PostAsync($"/api/v1/incidents/{incident}/tasks", RawJson(json));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{label}: {problem}");
        Assert.Equal(0, await app.WithDbAsync(s.Org.Id, (db, _) => db.StaffTasks.CountAsync()));
    }

    [Fact]
    public async Task Refusing_needs_a_reason_an_unknown_status_is_a_problem_and_another_organisations_task_is_404()
    {
        var s = await SetUpAsync(app);
        var other = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        var task = await CreateTaskOkAsync(s.StaffApi, incident, new { id = Guid.CreateVersion7(), title = "Evakuér plejehjemmet" });
        var id = task.GetProperty("id").GetGuid();

        using (var noReason = await TransitionAsync(s.StaffApi, id, new { status = "Afvist" }))
        {
            Assert.True((await ProblemAsync(noReason, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reason", out _));
        }

        using (var unknown = await s.StaffApi.PostAsync($"/api/v1/tasks/{id}/transitions", RawJson("""{"status":"Færdig"}""")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        }

        using (var theirs = await TransitionAsync(other.StaffApi, id, new { status = "IGang" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        }

        using (var theirList = await other.StaffApi.GetAsync($"/api/v1/incidents/{incident}/tasks"))
        {
            Assert.Equal(HttpStatusCode.NotFound, theirList.StatusCode);
        }

        using (var refused = await TransitionAsync(s.StaffApi, id, new { status = "Afvist", reason = "Plejehjemmet er ikke truet" }))
        {
            Assert.Equal("Plejehjemmet er ikke truet", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statusReason").GetString());
        }

        Assert.Equal(2, await app.WithDbAsync(s.Org.Id, (db, _) => db.StaffTaskStatusChanges.CountAsync(c => c.TaskId == id)));
    }

    [Fact]
    public async Task Overdue_tasks_come_first_and_say_so()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        await CreateTaskOkAsync(s.StaffApi, incident, new { id = Guid.CreateVersion7(), title = "Uden frist" });
        await CreateTaskOkAsync(s.StaffApi, incident, new { id = Guid.CreateVersion7(), title = "Haster", deadline = app.Clock.GetUtcNow().AddMinutes(30) });
        app.Clock.Advance(TimeSpan.FromHours(1));

        var tasks = await TasksAsync(s.StaffApi, incident);
        Assert.Equal(["Haster", "Uden frist"], tasks.Select(t => t.GetProperty("title").GetString()));
        Assert.True(tasks[0].GetProperty("overdue").GetBoolean());
        Assert.False(tasks[1].GetProperty("overdue").GetBoolean());
        Assert.Single(await TasksAsync(s.StaffApi, incident, "?overskredne=true"));
    }

    [Fact]
    public async Task Mine_are_tasks_owned_by_me_by_my_key_person_or_by_a_role_I_hold_in_the_incident()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        using (var joined = await s.StaffApi.PostAsync($"/api/v1/incidents/{incident}/staff", Json(new { userId = s.Staff.Id, roleName = "Logfører" })))
        {
            Assert.True(joined.IsSuccessStatusCode, await joined.Content.ReadAsStringAsync());
        }

        var keyPerson = await app.WithDbAsync(s.Org.Id, async (db, _) =>
        {
            var person = new Features.Registry.KeyPerson { Name = "Stine Stab", UserId = s.Staff.Id };
            db.Set<Features.Registry.KeyPerson>().Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
        await CreateTaskOkAsync(s.AdminApi, incident, new { id = Guid.CreateVersion7(), title = "Som rolle", ownerRole = "Logfører" });
        await CreateTaskOkAsync(s.AdminApi, incident, new { id = Guid.CreateVersion7(), title = "Som bruger", ownerUserId = s.Staff.Id });
        await CreateTaskOkAsync(s.AdminApi, incident, new { id = Guid.CreateVersion7(), title = "Som nøgleperson", ownerKeyPersonId = keyPerson });
        await CreateTaskOkAsync(s.AdminApi, incident, new { id = Guid.CreateVersion7(), title = "En andens rolle", ownerRole = "Kriseleder" });

        var mine = await s.StaffApi.GetFromJsonAsync<List<JsonElement>>("/api/v1/tasks/mine");
        Assert.Equal(["Som bruger", "Som nøgleperson", "Som rolle"], mine!.Select(t => t.GetProperty("title").GetString()).Order(StringComparer.Ordinal));
        Assert.Empty((await s.AdminApi.GetFromJsonAsync<List<JsonElement>>("/api/v1/tasks/mine"))!);

        using var page = await (await app.LoginAsync(s.Staff, s.Org)).GetAsync("/haendelser/mine-opgaver");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("Som nøgleperson", html, StringComparison.Ordinal);
        Assert.DoesNotContain("En andens rolle", html, StringComparison.Ordinal);
    }
}
