using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Features.Organisations;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Demo;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Meetings;

/// <summary>
/// Vallensbæk gets the executive board's meeting of seed 004 (item 1 decided "Indstillingen godkendt.", minutes
/// approved) and a crisis-staff meeting in the running exercise whose decision is in the exercise's log.
/// </summary>
internal sealed class MeetingsDemoData : IDemoDataContributor
{
    public int Order => 70;

    public async Task SeedAsync(IServiceProvider services, DemoOptions options, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<StabsrumDbContext>();
        var org = await db.Organisations.SingleOrDefaultAsync(o => o.Name == "Vallensbæk Kommune", cancellationToken);
        if (org is null)
        {
            return;
        }

        services.GetRequiredService<CurrentOrganisation>().EnterAsSystem(org.Id, "demo");
        await BoardMeetingAsync(services, db, cancellationToken);
        await StaffMeetingAsync(services, db, cancellationToken);
    }

    private static async Task BoardMeetingAsync(IServiceProvider services, StabsrumDbContext db, CancellationToken ct)
    {
        var bodies = services.GetRequiredService<BodyChanges>();
        var agenda = services.GetRequiredService<AgendaChanges>();
        var mode = services.GetRequiredService<MeetingModeChanges>();
        var body = (await bodies.CreateAsync(new BodyInput(null, "Direktionen", "Kommunens direktion; administrative og politiske dagsordenspunkter.",
        [
            new("Kommunaldirektør", OrganisationDemoData.AdminEmail, "Kommunaldirektør", true, true, true, false, true, false),
            new("Direktør for Børn og Velfærd", "direktoer.bv@vallensbaek.demo", "Direktør", true, false, false, true, false, false),
            new("Centerchef, Job, Organisation og Ledelse", "stab@vallensbaek.demo", "Centerchef", true, false, false, false, true, false),
            new("Kommunalbestyrelsen (til orientering)", "kb@vallensbaek.demo", null, false, false, false, false, false, true),
        ]), ct)).Value!;
        var starts = new DateTimeOffset(2025, 2, 19, 8, 0, 0, TimeSpan.Zero);
        var meeting = (await agenda.CreateMeetingAsync(new MeetingInput(null, body.Id, "Direktionsmøde", starts, starts.AddHours(3), MeetingMode.Fysisk, "Udvalgsværelse 1", null, null), ct)).Value!;
        var first = (await agenda.ProposeAsync(meeting.Id, new ItemInput(null, "Beredskabsplan - revision af plan for fortsat drift", AgendaItemType.Beslutning, AgendaItemKind.Administrativt, "Kommunaldirektør", "14.00.08P15-1-24",
            "Jf. Beredskabsloven §25 skal Kommunens beredskabsplan revideres mindst én gang i hver byrådsperiode. Den nuværende beredskabsplan, Politik og Plan for Fortsat Drift, er gældende for perioden 2022-2025. Det betyder, at beredskabsplanen skal revideres og godkendes politisk i de fire kommuner i løbet af 2025.",
            "Kommunaldirektøren indstiller:\n- At tidsplan for revision af Politik- og Plan for Fortsat Drift godkendes.\n- At forslag til revision af Politik- og Plan for fortsat drift 2026-2029 drøftes.\n- At forslag til fokusområder i det videre beredskabsarbejde drøftes.",
            "I 2018 besluttede de fire kommuner Lemvig, Skive, Holstebro og Struer at gå sammen om et fælles beredskabskoncept, og Nordvestjyllands Brandvæsen har været facilitator for udarbejdelse og revision af planen.\nBeredskabet anbefaler, at fokus i den kommende planperiode rettes mod ledelsesforankring, tværgående koordinering, øvelser og introduktion for nye ledere.",
            null, null), ct)).Value!;
        var second = (await agenda.ProposeAsync(meeting.Id, new ItemInput(null, "Effektiv og veldrevet administration", AgendaItemType.Orientering, AgendaItemKind.Administrativt, "Kommunaldirektør", "00.15.00P20-1-24",
            "Projektet \"Effektiv og veldrevet administration\" udspringer af anbefaling fra BDO administrationsanalyse fra 2024 om at etablere administrative fællesskaber.",
            "Kommunaldirektøren indstiller:\n- At arbejdsgruppen orienteres om projektet og deres rolle i projektet.",
            "Første skridt i projektet er en opstartworkshop med deltagelse af ledere i centraladministrationen og 1-2 administrative medarbejdere pr. leder.",
            "Økonomi og HR har ingen bemærkninger.", null), ct)).Value!;
        await agenda.DecideProposalAsync(meeting.Id, first.Id, true, ct);
        await agenda.DecideProposalAsync(meeting.Id, second.Id, true, ct);
        await agenda.PublishAsync(meeting.Id, ct);
        await mode.SetAttendanceAsync(meeting.Id, new AttendanceInput([new("Kommunaldirektør", true, null), new("Direktør for Børn og Velfærd", true, null), new("Centerchef, Job, Organisation og Ledelse", true, null)]), ct);
        await mode.DecideAsync(meeting.Id, first.Id, new DecisionInput("Indstillingen godkendt.", null, null,
            [new(null, "Tidsplan for revision meldes ud til centrene", "Centerchef, Job, Organisation og Ledelse", new DateOnly(2025, 3, 7))]), ct);
        await mode.DecideAsync(meeting.Id, second.Id, new DecisionInput("Kommunaldirektøren orienterede om baggrunden for projektet og den videre proces.", "Positivt med involvering. Relevante medarbejdere kan inviteres med.", null, []), ct);
        var minutes = (await services.GetRequiredService<MinutesChanges>().SendForApprovalAsync(meeting.Id, ct)).Value!;

        // The approvers signed off the day after (demo: set directly, as there is no signed-in approver here).
        var approvedAt = starts.AddDays(1);
        foreach (var approval in await db.MinutesApprovals.Where(a => a.MinutesId == minutes.Id).ToListAsync(ct))
        {
            approval.Status = ApprovalStatus.Godkendt;
            approval.RespondedAt = approvedAt;
            approval.RespondedBy = approval.ApproverName;
        }

        minutes.Status = MinutesStatus.Godkendt;
        minutes.ApprovedAt = approvedAt;
        await db.SaveChangesAsync(ct);
    }

    private static async Task StaffMeetingAsync(IServiceProvider services, StabsrumDbContext db, CancellationToken ct)
    {
        var incident = await db.Incidents.Where(i => i.IsExercise && i.Status == IncidentStatus.Aktiv).OrderByDescending(i => i.CreatedAt).FirstOrDefaultAsync(ct);
        if (incident is null)
        {
            return;
        }

        var agenda = services.GetRequiredService<AgendaChanges>();
        var body = (await services.GetRequiredService<BodyChanges>().CreateAsync(new BodyInput(null, "Krisestyringsstab – " + incident.Title, "Den operationelle krisestyringsstab for øvelsen.",
        [
            new("Krisestyringsstabschef", OrganisationDemoData.AdminEmail, "Mødeleder", true, true, true, false, true, false),
            new("Kommunaldirektør", "stab@vallensbaek.demo", "Kommunaldirektør", true, false, false, false, true, false),
            new("Tovholder", "tovholder@vallensbaek.demo", "Tovholder", true, false, false, true, false, false),
        ]), ct)).Value!;
        var starts = DateTimeOffset.UtcNow.AddMinutes(-30);
        var meeting = (await agenda.CreateMeetingAsync(new MeetingInput(null, body.Id, "Stabsmøde 1", starts, starts.AddHours(1), MeetingMode.Virtuelt, null, "https://moede.vallensbaek.demo/stab", incident.Id), ct)).Value!;
        var item = (await agenda.ProposeAsync(meeting.Id, new ItemInput(null, "Evakuering af plejecenter", AgendaItemType.Beslutning, AgendaItemKind.Administrativt, "Tovholder", null,
            "Plejecentret ligger i det oversvømmelsestruede område.", "Tovholderen indstiller, at plejecentret evakueres til Vallensbæk Skole.", null, null, null), ct)).Value!;
        await agenda.DecideProposalAsync(meeting.Id, item.Id, true, ct);
        await agenda.PublishAsync(meeting.Id, ct);
        var mode = services.GetRequiredService<MeetingModeChanges>();
        await mode.SetStatusRoundAsync(meeting.Id, new StatusRoundInput([new("Teknik og Miljø", "Pumper i drift ved Nordmarken."), new("Social og Sundhed", "Plejecentret er varslet.")]), ct);
        await mode.DecideAsync(meeting.Id, item.Id, new DecisionInput("Indstillingen godkendt: plejecentret evakueres.", null, null,
            [new(null, "Bestil busser til evakuering", "Tovholder", DateOnly.FromDateTime(DateTime.UtcNow)), new(null, "Orientér pårørende", "Social og Sundhed", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)))]), ct);
    }
}
