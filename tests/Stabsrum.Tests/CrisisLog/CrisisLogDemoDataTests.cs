using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.CrisisLog;

public sealed class DemoDataFactory : StabsrumFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Enabled", "true");
    }
}

/// <summary>The demo: a finished exercise with a verifiable log of about 60 entries, and an empty exercise to start.</summary>
public sealed class CrisisLogDemoDataTests(DemoDataFactory app) : IClassFixture<DemoDataFactory>
{
    [Fact]
    public async Task Vallensbaek_has_a_finished_skybrud_exercise_with_an_intact_log_and_an_empty_one_to_start()
    {
        var org = await app.WithDbAsync(null, (db, _) => db.Organisations.Where(o => o.Name == "Vallensbæk Kommune").Select(o => o.Id).SingleAsync());
        await app.WithDbAsync(org, async (db, _) =>
        {
            var skybrud = await db.Incidents.SingleAsync(i => i.Title == "Øvelse: skybrud");
            Assert.True(skybrud.IsExercise);
            Assert.Equal(IncidentStatus.Afsluttet, skybrud.Status);
            Assert.InRange(skybrud.LogCount, 55, 70);
            Assert.Equal(4, await db.CrisisLogEntries.CountAsync(e => e.IncidentId == skybrud.Id && e.Subject == LogSubject.Level && e.Kind == LogEntryKind.Beslutning));
            Assert.True(await db.CrisisLogEntries.AnyAsync(e => e.IncidentId == skybrud.Id && e.CorrectsEntryId != null));
            Assert.True(await db.CrisisLogEntries.AnyAsync(e => e.IncidentId == skybrud.Id && e.AcknowledgesEntryId != null));
            var holders = await StaffChanges.HoldersAtAsync(db, skybrud.Id, skybrud.StartedAt.AddMinutes(60), "Logfører", default);
            Assert.Equal("Jonas Dahl", Assert.Single(holders).Name);
            Assert.True((await LogVerification.VerifyAsync(db, skybrud.Id, default))!.Intact);

            var empty = await db.Incidents.SingleAsync(i => i.Title == "Øvelse: klar til start");
            Assert.Equal(IncidentStatus.Aktiv, empty.Status);
            Assert.True(empty.IsExercise);
            Assert.True((await LogVerification.VerifyAsync(db, empty.Id, default))!.Intact);
        });
    }
}
