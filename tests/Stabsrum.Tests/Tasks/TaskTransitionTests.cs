using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stabsrum.Features.Tasks;
using Stabsrum.Tests.Infrastructure;
using static Stabsrum.Tests.CrisisLog.CrisisLogSteps;

namespace Stabsrum.Tests.Tasks;

/// <summary>Status changes through <see cref="TaskChanges"/>: history rows, completion time, refusals that change nothing.</summary>
public sealed class TaskTransitionTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    [Fact]
    public async Task A_task_is_started_and_completed_with_history_and_then_cannot_be_reopened()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        var id = Guid.CreateVersion7();
        await Change(s.Org.Id, c => c.CreateAsync(incident, new TaskInput(id, "Skaf sandsække", OwnerName: "Materielgården"), CancellationToken.None), TaskOutcome.Created);

        await Change(s.Org.Id, c => c.TransitionAsync(id, new TaskTransitionInput(StaffTaskStatus.IGang), CancellationToken.None), TaskOutcome.Changed);
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        var changeId = Guid.CreateVersion7();
        await Change(s.Org.Id, c => c.TransitionAsync(id, new TaskTransitionInput(StaffTaskStatus.Udfoert, ChangeId: changeId), CancellationToken.None), TaskOutcome.Changed);
        await Change(s.Org.Id, c => c.TransitionAsync(id, new TaskTransitionInput(StaffTaskStatus.Udfoert, ChangeId: changeId), CancellationToken.None), TaskOutcome.AlreadyStored);
        var refused = await Change(s.Org.Id, c => c.TransitionAsync(id, new TaskTransitionInput(StaffTaskStatus.IGang), CancellationToken.None), TaskOutcome.Conflict);
        Assert.Contains("udført og kan ikke ændres", refused.Conflict, StringComparison.Ordinal);

        var task = await app.WithDbAsync(s.Org.Id, (db, _) => db.StaffTasks.AsNoTracking().SingleAsync(t => t.Id == id));
        Assert.Equal(StaffTaskStatus.Udfoert, task.Status);
        Assert.Equal(app.Clock.GetUtcNow(), task.CompletedAt!.Value, TimeSpan.FromMilliseconds(1));
        var history = await app.WithDbAsync(s.Org.Id, (db, _) => db.StaffTaskStatusChanges.AsNoTracking().Where(c => c.TaskId == id).ToListAsync());
        Assert.Equal(
            [(null, StaffTaskStatus.IkkeStartet), (StaffTaskStatus.IkkeStartet, StaffTaskStatus.IGang), (StaffTaskStatus.IGang, StaffTaskStatus.Udfoert)],
            history.OrderBy(c => c.ChangedAt).ThenBy(c => c.FromStatus.HasValue).Select(c => (c.FromStatus, c.ToStatus)).ToList());
    }

    [Fact]
    public async Task Cancelling_needs_a_reason_and_a_refused_change_stores_nothing()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        var id = Guid.CreateVersion7();
        await Change(s.Org.Id, c => c.CreateAsync(incident, new TaskInput(id, "Åbn varmestue"), CancellationToken.None), TaskOutcome.Created);

        var missing = await Change(s.Org.Id, c => c.TransitionAsync(id, new TaskTransitionInput(StaffTaskStatus.Annulleret, "  "), CancellationToken.None), TaskOutcome.Invalid);
        Assert.True(missing.Errors.ToDictionary().ContainsKey("reason"));
        Assert.Equal(1, await app.WithDbAsync(s.Org.Id, (db, _) => db.StaffTaskStatusChanges.CountAsync(c => c.TaskId == id)));

        await Change(s.Org.Id, c => c.TransitionAsync(id, new TaskTransitionInput(StaffTaskStatus.Annulleret, "Strømmen er tilbage"), CancellationToken.None), TaskOutcome.Changed);
        var task = await app.WithDbAsync(s.Org.Id, (db, _) => db.StaffTasks.AsNoTracking().SingleAsync(t => t.Id == id));
        Assert.Equal(StaffTaskStatus.Annulleret, task.Status);
        Assert.Equal("Strømmen er tilbage", task.StatusReason);
        Assert.Null(task.CompletedAt);
    }

    [Fact]
    public async Task A_task_of_another_organisation_is_not_found()
    {
        var s = await SetUpAsync(app);
        var other = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        var id = Guid.CreateVersion7();
        await Change(s.Org.Id, c => c.CreateAsync(incident, new TaskInput(id, "Hemmelig opgave"), CancellationToken.None), TaskOutcome.Created);
        await Change(other.Org.Id, c => c.TransitionAsync(id, new TaskTransitionInput(StaffTaskStatus.IGang), CancellationToken.None), TaskOutcome.NotFound);
        await Change(other.Org.Id, c => c.CreateAsync(incident, new TaskInput(Guid.CreateVersion7(), "Ind i en andens hændelse"), CancellationToken.None), TaskOutcome.NotFound);
    }

    private Task<TaskResult> Change(Guid org, Func<TaskChanges, Task<TaskResult>> work, TaskOutcome expected) =>
        app.WithDbAsync(org, async (_, sp) =>
        {
            var result = await work(sp.GetRequiredService<TaskChanges>());
            Assert.True(result.Outcome == expected, $"expected {expected}, got {result.Outcome}: {result.Conflict} {string.Join("; ", result.Errors.ToDictionary().SelectMany(e => e.Value))}");
            return result;
        });
}
