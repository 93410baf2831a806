using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Features.ResourceRequests;
using Stabsrum.Features.Tasks;
using Stabsrum.Tests.CrisisLog;

namespace Stabsrum.Tests.Tasks;

/// <summary>The demo exercise has a written order, a task under way and an assessed request, all in its intact log.</summary>
public sealed class TasksDemoDataTests(DemoDataFactory app) : IClassFixture<DemoDataFactory>
{
    [Fact]
    public async Task The_running_exercise_has_an_order_a_task_under_way_and_an_assessed_request()
    {
        var org = await app.WithDbAsync(null, (db, _) => db.Organisations.Where(o => o.Name == "Vallensbæk Kommune").Select(o => o.Id).SingleAsync());
        await app.WithDbAsync(org, async (db, _) =>
        {
            var incident = await db.Incidents.SingleAsync(i => i.Title == "Øvelse: klar til start");
            var tasks = await db.StaffTasks.Where(t => t.IncidentId == incident.Id).ToListAsync();
            var order = Assert.Single(tasks, t => t.OriginKind == TaskOriginKind.Order);
            Assert.Equal("Vej og Park", order.Recipient);
            Assert.Contains(tasks, t => t.Status == StaffTaskStatus.IGang && t.OwnerName == "Teknik og Miljø");
            Assert.Contains(tasks, t => t.OriginKind == TaskOriginKind.MeetingDecision);
            var request = await db.ResourceRequests.SingleAsync(r => r.IncidentId == incident.Id);
            Assert.Equal(RequestStatus.Vurderet, request.Status);
            Assert.True(await db.CrisisLogEntries.AnyAsync(e => e.IncidentId == incident.Id && e.Id == order.Id && e.Kind == LogEntryKind.Ordre));
            Assert.True((await LogVerification.VerifyAsync(db, incident.Id, default))!.Intact);
        });
    }
}
