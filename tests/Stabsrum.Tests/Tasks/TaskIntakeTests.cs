using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stabsrum.Features.Registry;
using Stabsrum.Features.Tasks;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;
using static Stabsrum.Tests.CrisisLog.CrisisLogSteps;

namespace Stabsrum.Tests.Tasks;

/// <summary>Other features (meetings, action cards, unit reports) create tasks through <see cref="ITaskIntake"/>.</summary>
public sealed class TaskIntakeTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    [Fact]
    public async Task Intake_joins_the_callers_unit_of_work_nothing_is_stored_until_the_caller_saves()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        var id = Guid.CreateVersion7();
        var meetingItem = Guid.CreateVersion7();

        await app.WithDbAsync(s.Org.Id, async (db, sp) =>
        {
            await sp.GetRequiredService<ITaskIntake>().CreateAsync(
                new NewStaffTask(id, incident, "Orientér skolerne", "Via Aula", "Børne- og ungechefen", app.Clock.GetUtcNow().AddHours(3),
                    TaskOriginKind.MeetingDecision, meetingItem, "Stabsmøde 2, punkt 3", OwnerRole: "Kommunikationsansvarlig"),
                CancellationToken.None);
            Assert.False(await db.StaffTasks.AnyAsync(t => t.Id == id)); // not saved by the intake
        });
        Assert.False(await app.WithDbAsync(s.Org.Id, (db, _) => db.StaffTasks.AnyAsync(t => t.Id == id))); // the caller never saved

        await app.WithDbAsync(s.Org.Id, async (db, sp) =>
        {
            await sp.GetRequiredService<ITaskIntake>().CreateAsync(
                new NewStaffTask(id, incident, "Orientér skolerne", "Via Aula", "Børne- og ungechefen", null, TaskOriginKind.MeetingDecision, meetingItem, "Stabsmøde 2, punkt 3"),
                CancellationToken.None);
            await db.SaveChangesAsync();
        });

        var stored = await app.WithDbAsync(s.Org.Id, (db, _) => db.StaffTasks.AsNoTracking().SingleAsync(t => t.Id == id));
        Assert.Equal(s.Org.Id, stored.OrganisationId);
        Assert.Equal(incident, stored.IncidentId);
        Assert.Equal(StaffTaskStatus.IkkeStartet, stored.Status);
        Assert.Equal(TaskOriginKind.MeetingDecision, stored.OriginKind);
        Assert.Equal(meetingItem, stored.OriginId);
        Assert.Equal("Stabsmøde 2, punkt 3", stored.OriginLabel);
        var history = await app.WithDbAsync(s.Org.Id, (db, _) => db.StaffTaskStatusChanges.AsNoTracking().Where(c => c.TaskId == id).ToListAsync());
        var created = Assert.Single(history);
        Assert.Null(created.FromStatus);
        Assert.Equal(StaffTaskStatus.IkkeStartet, created.ToStatus);
    }

    [Fact]
    public async Task An_existing_id_is_left_as_it_is_also_twice_in_one_unit_of_work()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        var id = Guid.CreateVersion7();

        await app.WithDbAsync(s.Org.Id, async (db, sp) =>
        {
            var intake = sp.GetRequiredService<ITaskIntake>();
            await intake.CreateAsync(new NewStaffTask(id, incident, "Første", null, null, null, TaskOriginKind.UnitReport), CancellationToken.None);
            await intake.CreateAsync(new NewStaffTask(id, incident, "Første igen", null, null, null, TaskOriginKind.UnitReport), CancellationToken.None);
            await db.SaveChangesAsync();
        });
        await app.WithDbAsync(s.Org.Id, async (db, sp) =>
        {
            await sp.GetRequiredService<ITaskIntake>().CreateAsync(new NewStaffTask(id, incident, "Ændret", null, null, null, TaskOriginKind.Manual), CancellationToken.None);
            await db.SaveChangesAsync();
        });

        var stored = await app.WithDbAsync(s.Org.Id, (db, _) => db.StaffTasks.AsNoTracking().Where(t => t.Id == id).ToListAsync());
        Assert.Equal("Første", Assert.Single(stored).Title);
        Assert.Equal(TaskOriginKind.UnitReport, stored[0].OriginKind);
        Assert.Equal(1, await app.WithDbAsync(s.Org.Id, (db, _) => db.StaffTaskStatusChanges.CountAsync(c => c.TaskId == id)));
    }

    [Fact]
    public async Task Intake_refuses_an_owner_or_incident_of_another_organisation_and_an_empty_title()
    {
        var s = await SetUpAsync(app);
        var other = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        var otherIncident = await CreateIncidentAsync(other.StaffApi);
        var otherPerson = await app.WithDbAsync(other.Org.Id, async (db, _) =>
        {
            var person = new KeyPerson { Name = "Anden Kommune" };
            db.KeyPersons.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });

        await app.WithDbAsync(s.Org.Id, async (db, sp) =>
        {
            var intake = sp.GetRequiredService<ITaskIntake>();
            var person = await Assert.ThrowsAsync<ArgumentException>(() => intake.CreateAsync(
                new NewStaffTask(Guid.CreateVersion7(), incident, "Ring", null, null, null, TaskOriginKind.Manual, OwnerKeyPersonId: otherPerson), CancellationToken.None));
            Assert.Contains("nøgleperson", person.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<ArgumentException>(() => intake.CreateAsync(
                new NewStaffTask(Guid.CreateVersion7(), otherIncident, "Ring", null, null, null, TaskOriginKind.Manual), CancellationToken.None));
            await Assert.ThrowsAsync<ArgumentException>(() => intake.CreateAsync(
                new NewStaffTask(Guid.CreateVersion7(), incident, "  ", null, null, null, TaskOriginKind.Manual), CancellationToken.None));
            Assert.Empty(db.ChangeTracker.Entries<StaffTask>());
        });
    }
}
