using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CallOut;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Features.Registry;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.CrisisLog;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.CallOut;

/// <summary>The demo's exercise opt-ins: an exercise call-out in the running demo exercise reaches someone.</summary>
public sealed class CallOutDemoDataTests(DemoDataFactory app) : IClassFixture<DemoDataFactory>
{
    [Fact]
    public async Task An_exercise_call_out_to_the_demo_staff_list_reaches_the_opted_in_persons_only()
    {
        var orgId = await app.WithDbAsync(null, (db, _) => db.Organisations.Where(o => o.Name == "Vallensbæk Kommune").Select(o => o.Id).SingleAsync());
        var org = new TestOrganisation(orgId, "Vallensbæk Kommune");
        var (incident, list, optedIn) = await app.WithDbAsync(orgId, async (db, _) => (
            await db.Incidents.Where(i => i.Title == "Øvelse: klar til start" && i.Status == IncidentStatus.Aktiv).Select(i => i.Id).SingleAsync(),
            await db.AlarmLists.Where(l => l.Name == "Krisestabens roller").Select(l => l.Id).SingleAsync(),
            await (from o in db.ExerciseOptIns join p in db.KeyPersons on o.PersonId equals p.Id select p.Name).ToListAsync()));
        Assert.Equal(CallOutDemoData.OptedIn.Order(), optedIn.Order());

        var api = await app.CreateApiClientAsync(await app.CreateUserAsync(org, OrganisationRole.Administrator), org);
        using var composed = await api.PostAsync("/api/v1/callouts", CrisisLogSteps.Json(new { id = Guid.CreateVersion7(), incidentId = incident, message = "Øvelse: krisestaben indkaldes", alarmListIds = new[] { list }, channels = CallOutSteps.SmsOnly }));
        Assert.True(composed.StatusCode == HttpStatusCode.Created, await composed.Content.ReadAsStringAsync());
        var callOut = (await composed.Content.ReadFromJsonAsync<CallOutDto>(CallOutSteps.Json))!;
        Assert.Equal(CallOutKind.Exercise, callOut.Kind);
        Assert.NotEmpty(callOut.Recipients);
        Assert.All(callOut.Recipients, r => Assert.Contains(r.Name, CallOutDemoData.OptedIn));
        Assert.True(callOut.LeftOut > 0);
    }
}
