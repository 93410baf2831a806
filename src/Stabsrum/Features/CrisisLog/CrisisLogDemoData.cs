using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Organisations;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Demo;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.CrisisLog;

/// <summary>
/// Vallensbæk gets a finished exercise ("Øvelse: skybrud", ~60 entries with level changes, staff and roles) and an
/// empty active exercise to start from. Written through <see cref="CrisisLog"/> with a clock that walks through
/// the night, so recorded-at times and the hash chain are exactly as a real run would leave them.
/// </summary>
internal sealed class CrisisLogDemoData : IDemoDataContributor
{
    public int Order => 40;

    public async Task SeedAsync(IServiceProvider services, DemoOptions options, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<StabsrumDbContext>();
        var current = services.GetRequiredService<CurrentOrganisation>();
        var org = await db.Organisations.SingleOrDefaultAsync(o => o.Name == "Vallensbæk Kommune", cancellationToken);
        if (org is null)
        {
            return;
        }

        current.EnterAsSystem(org.Id, "demo");
        await GivePositionsAsync(db, org, cancellationToken);

        var clock = new DemoClock(new DateTimeOffset(2026, 8, 14, 21, 40, 0, TimeSpan.Zero));
        var log = new CrisisLog(db, current, clock, services.GetRequiredService<IncidentEvents>());
        var incident = new Incident
        {
            OrganisationId = org.Id,
            Title = "Øvelse: skybrud",
            Type = "Vejr",
            Description = "Øvelse: skybrud over Vallensbæk med 90 mm på tre timer; oversvømmede kældre, Vallensbæk Strandvej lukket, pumpestation ved Nordmarken overbelastet.",
            Area = "Vallensbæk Strand og Nordmarken",
            StartedAt = clock.GetUtcNow(),
            IsExercise = true,
            Status = IncidentStatus.Aktiv,
            Phase = StaffPhase.Rammesaettende,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Incidents.Add(incident);
        await db.SaveChangesAsync(cancellationToken);

        var staff = new Dictionary<string, StaffMember>(StringComparer.Ordinal);
        foreach (var (minutes, step) in Script())
        {
            clock.Now = incident.StartedAt.AddMinutes(minutes);
            switch (step)
            {
                case Join join:
                    var member = new StaffMember { OrganisationId = org.Id, IncidentId = incident.Id, Name = join.Name, JoinedAt = clock.Now };
                    db.StaffMembers.Add(member);
                    db.StaffRoleAssignments.Add(new StaffRoleAssignment { OrganisationId = org.Id, IncidentId = incident.Id, StaffMemberId = member.Id, RoleName = join.Role, AssumedAt = clock.Now });
                    staff[join.Name] = member;
                    await AppendAsync(log, incident, new NewLogEntry(Guid.CreateVersion7(), LogEntryKind.Information, $"{join.Name} er indtrådt i krisestaben som {join.Role}.", Subject: LogSubject.Staff), cancellationToken);
                    break;
                case Handover handover:
                    foreach (var role in db.StaffRoleAssignments.Local.Where(r => r.StaffMemberId == staff[handover.From].Id && r.RoleName == "Logfører" && r.RenouncedAt is null))
                    {
                        role.RenouncedAt = clock.Now;
                    }

                    db.StaffRoleAssignments.Add(new StaffRoleAssignment { OrganisationId = org.Id, IncidentId = incident.Id, StaffMemberId = staff[handover.To].Id, RoleName = "Logfører", AssumedAt = clock.Now });
                    var handoverEntry = await AppendAsync(log, incident, new NewLogEntry(Guid.CreateVersion7(), LogEntryKind.Vagtskifte, $"Vagtskifte som logfører: {handover.From} overdrager til {handover.To}.",
                        HandoverOpen: handover.Open, HandoverWatch: handover.Watch, Subject: LogSubject.Handover), cancellationToken);
                    clock.Now = clock.Now.AddMinutes(2);
                    await AppendAsync(log, incident, new NewLogEntry(Guid.CreateVersion7(), LogEntryKind.Vagtskifte, $"Vagtskifte kvitteret: {handover.To} har overtaget efter {handover.From}.",
                        AcknowledgesEntryId: handoverEntry.Id, Subject: LogSubject.HandoverAcknowledged), cancellationToken);
                    break;
                case Level level:
                    var from = org.LevelName(incident.Level);
                    incident.Level = level.To;
                    await AppendAsync(log, incident, new NewLogEntry(Guid.CreateVersion7(), LogEntryKind.Beslutning, $"Beredskabsniveau ændret fra {from} til {org.LevelName(level.To)}.",
                        Significant: true, DecidedBy: level.By, Rationale: level.Why, Subject: LogSubject.Level), cancellationToken);
                    break;
                case Phase phase:
                    var before = incident.Phase;
                    incident.Phase = phase.To;
                    await AppendAsync(log, incident, new NewLogEntry(Guid.CreateVersion7(), LogEntryKind.Information, $"Stabens fase ændret fra {LogEntryView.PhaseName(before)} til {LogEntryView.PhaseName(phase.To)}.",
                        Significant: true, Subject: LogSubject.Phase), cancellationToken);
                    break;
                case Entry e:
                    var written = await AppendAsync(log, incident, e.Value with { Id = Guid.CreateVersion7(), OccurredAt = e.EarlierBy is { } earlier ? clock.Now - earlier : null }, cancellationToken);
                    if (e.Value.Text?.StartsWith("Pumpestation Nordmarken kører", StringComparison.Ordinal) == true)
                    {
                        clock.Now = clock.Now.AddMinutes(3);
                        await AppendAsync(log, incident, new NewLogEntry(Guid.CreateVersion7(), LogEntryKind.Information,
                            "Rettelse: Pumpestation Nordmarken kører med 60 % kapacitet, ikke 80 %.", CorrectsEntryId: written.Id), cancellationToken);
                    }

                    break;
            }
        }

        clock.Now = incident.StartedAt.AddMinutes(420);
        await AppendAsync(log, incident, new NewLogEntry(Guid.CreateVersion7(), LogEntryKind.Beslutning, "Hændelsen er afsluttet.", Significant: true,
            DecidedBy: "Borgmester (øvelsesleder)", Rationale: "Vandstanden er normal, vejene er åbne, og der er ikke flere udestående opgaver for staben.", Subject: LogSubject.Status), cancellationToken);
        foreach (var member in staff.Values)
        {
            member.LeftAt = clock.Now;
        }

        foreach (var role in db.StaffRoleAssignments.Local.Where(r => r.RenouncedAt is null))
        {
            role.RenouncedAt = clock.Now;
        }

        incident.Status = IncidentStatus.Afsluttet;
        incident.Phase = StaffPhase.Afviklet;
        incident.ClosedAt = clock.Now;
        await db.SaveChangesAsync(cancellationToken);

        var empty = new Incident
        {
            OrganisationId = org.Id,
            Title = "Øvelse: klar til start",
            Type = "Andet",
            Description = "En tom øvelse til at prøve Stabsrum: hæv niveauet, sæt staben og skriv i loggen.",
            Area = "Vallensbæk Kommune",
            StartedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
            IsExercise = true,
            Status = IncidentStatus.Aktiv,
            Phase = StaffPhase.Rammesaettende,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Incidents.Add(empty);
        await db.SaveChangesAsync(cancellationToken);
        clock.Now = DateTimeOffset.UtcNow;
        await AppendAsync(log, empty, new NewLogEntry(Guid.CreateVersion7(), LogEntryKind.Information, "Øvelse oprettet: " + empty.Title, Significant: true, Subject: LogSubject.Status), cancellationToken);
    }

    private static async Task GivePositionsAsync(StabsrumDbContext db, Organisation org, CancellationToken ct)
    {
        var members = await (from m in db.Memberships join u in db.Users on m.UserId equals u.Id where m.OrganisationId == org.Id select new { Membership = m, u.Email }).ToListAsync(ct);
        foreach (var m in members)
        {
            var isAdmin = m.Email == OrganisationDemoData.AdminEmail;
            db.Entry(m.Membership).Property<string>(MembershipCrisisColumns.Position).CurrentValue = isAdmin ? "Borgmester" : "Centerchef";
            db.Entry(m.Membership).Property<bool>(MembershipCrisisColumns.Clearance).CurrentValue = isAdmin;
        }

        await db.SaveChangesAsync(ct);
    }

    private static async Task<CrisisLogEntry> AppendAsync(CrisisLog log, Incident incident, NewLogEntry entry, CancellationToken ct)
    {
        var result = await log.AppendAsync(incident.Id, entry, ct);
        return result.Entry ?? throw new InvalidOperationException("Demo log entry refused: " + string.Join("; ", result.Errors.ToDictionary().SelectMany(e => e.Value)));
    }

    private abstract record Step;

    private sealed record Join(string Name, string Role) : Step;

    private sealed record Handover(string From, string To, string Open, string Watch) : Step;

    private sealed record Level(int To, string By, string Why) : Step;

    private sealed record Phase(StaffPhase To) : Step;

    private sealed record Entry(NewLogEntry Value, TimeSpan? EarlierBy = null) : Step;

    private static Entry Info(string text, bool significant = false) => new(new NewLogEntry(Guid.Empty, LogEntryKind.Information, text, Significant: significant));

    private static Entry Kind(LogEntryKind kind, string text, string? recipient = null) => new(new NewLogEntry(Guid.Empty, kind, text, Recipient: recipient));

    private static Entry Decision(string text, string by, string why) => new(new NewLogEntry(Guid.Empty, LogEntryKind.Beslutning, text, Significant: true, DecidedBy: by, Rationale: why));

    private static IEnumerable<(int Minutes, Step Step)> Script()
    {
        yield return (0, Info("DMI varsler skybrud over Københavns Vestegn: 60–90 mm på tre timer fra kl. 23.", true));
        yield return (2, new Join("Mette Krogh", "Stabschef"));
        yield return (3, new Join("Jonas Dahl", "Logfører"));
        yield return (5, Kind(LogEntryKind.MeldingInd, "Beredskab 4K: første anmeldelser om vand i kældre på Vallensbæk Torvevej."));
        yield return (8, new Level(1, "Mette Krogh (centerchef)", "Skybruddet rammer bebyggede områder, og flere forvaltninger skal koordinere indsatsen."));
        yield return (9, new Join("Peter Holm", "Kommunikation"));
        yield return (10, new Join("Lene Skov", "Situationsbillede"));
        yield return (12, Kind(LogEntryKind.Ordre, "Opstil sandsække ved Vallensbæk Skole og hold adgangsvejen fri.", "Materielgården"));
        yield return (15, Info("Vandstand ved Nordmarken stiger 10 cm i kvarteret."));
        yield return (18, Kind(LogEntryKind.MeldingUd, "Orientering til borgmesteren om situationen og niveau 1."));
        yield return (20, new Entry(new NewLogEntry(Guid.Empty, LogEntryKind.Information, "Kaldt ud via telefonkæde til vejafdelingen (skrevet ind fra papirlog).", Significant: false), TimeSpan.FromMinutes(25)));
        yield return (22, Kind(LogEntryKind.PresseMedier, "TV 2 Lorry ringer og spørger til lukkede veje; henvist til kommunens pressetelefon."));
        yield return (25, Decision("Vallensbæk Strandvej lukkes mellem Pilealléen og Vejlebrovej.", "Mette Krogh (stabschef)", "Vand over vejbanen; risiko for at biler kører fast."));
        yield return (27, Kind(LogEntryKind.Ordre, "Skilt omkørsel via Vejlebrovej.", "Vejafdelingen"));
        yield return (30, new Phase(StaffPhase.Operationel));
        yield return (33, Kind(LogEntryKind.Handling, "Sandsække udlagt ved skolen; 400 stk."));
        yield return (36, Info("Pumpestation Nordmarken kører med 80 % kapacitet."));
        yield return (40, Kind(LogEntryKind.MeldingInd, "HOFOR: afløbssystemet er fyldt; forventer overløb ved Vallensbæk Sø."));
        yield return (44, Kind(LogEntryKind.MeldingUd, "Varsel til borgere i Nordmarken via kommunens hjemmeside: hold kældervinduer lukkede."));
        yield return (48, Kind(LogEntryKind.PresseMedier, "Pressemeddelelse udsendt om lukkede veje og råd til borgere."));
        yield return (52, new Level(2, "Direktør (øvelsens direktør)", "Plejecenter Vallensbæk Mose melder vand i kælderen med teknik; evakuering kan blive nødvendig."));
        yield return (55, new Join("Anna Berg", "Forbindelsesofficer"));
        yield return (58, Kind(LogEntryKind.MeldingInd, "Plejecentret: vand i teknikrummet, nødstrøm virker."));
        yield return (61, Decision("Plejecentrets beboere i stueetagen flyttes til 1. sal.", "Mette Krogh (stabschef)", "Vandet kan nå stueetagen inden for en time; flytning internt er mindre belastende end evakuering."));
        yield return (63, Kind(LogEntryKind.Ordre, "Hjemmeplejen sender fire medarbejdere til plejecentret.", "Hjemmeplejen"));
        yield return (66, Kind(LogEntryKind.Handling, "Beboerne flyttet; ingen tilskadekomne."));
        yield return (70, Info("Politiet har spærret Vejlebrovej ved viadukten.", true));
        yield return (74, Kind(LogEntryKind.MeldingInd, "Beredskab 4K: to pumper sat ind ved plejecentret."));
        yield return (78, Info("Regnen aftager; DMI forventer ophør omkring kl. 02."));
        yield return (82, Kind(LogEntryKind.MeldingUd, "Opdateret situationsbillede sendt til Beredskab 4K og nabokommunerne."));
        yield return (86, Kind(LogEntryKind.PresseMedier, "DR spørger til plejecentret; svar: beboerne er i sikkerhed, ingen evakuering."));
        yield return (90, Info("Vandstand ved Nordmarken stabil."));
        yield return (95, Kind(LogEntryKind.Handling, "Materielgården har tømt tre oversvømmede tunneler."));
        yield return (100, Kind(LogEntryKind.MeldingInd, "Borgerhenvendelser: 37 anmeldelser om vand i kældre indtil nu."));
        yield return (105, Decision("Kommunens nødovernatning i Pilehaveskolen gøres klar, men åbnes ikke endnu.", "Mette Krogh (stabschef)", "Tre familier kan få brug for at forlade deres boliger; klargøring tager en time."));
        yield return (108, Kind(LogEntryKind.Ordre, "Klargør nødovernatning i Pilehaveskolen til 30 personer.", "Skole og Institution"));
        yield return (115, Info("Pumpestation Nordmarken kører stabilt igen."));
        yield return (120, new Handover("Jonas Dahl", "Lene Skov", "Nødovernatning klargøres; plejecentret overvåges; Strandvej lukket.", "Overløb ved Vallensbæk Sø og vandstand ved plejecentret."));
        yield return (125, Kind(LogEntryKind.MeldingInd, "Pilehaveskolen: nødovernatning klar kl. 01.35."));
        yield return (130, Info("Ingen familier har haft brug for nødovernatning indtil nu."));
        yield return (140, Kind(LogEntryKind.Handling, "Vejafdelingen har genåbnet Vejlebrovej."));
        yield return (150, Kind(LogEntryKind.MeldingUd, "Orientering til borgmesteren: situationen er under kontrol."));
        yield return (160, Info("Regnen er ophørt.", true));
        yield return (170, new Level(1, "Direktør (øvelsens direktør)", "Ingen akut fare for borgere; resterende opgaver kan løses af forvaltningerne med koordinering."));
        yield return (180, Kind(LogEntryKind.Handling, "Pumperne ved plejecentret fjernet; teknikrummet er tørt."));
        yield return (190, Kind(LogEntryKind.PresseMedier, "Pressemeddelelse: Vallensbæk Strandvej forventes åben kl. 06."));
        yield return (200, Decision("Nødovernatningen lukkes.", "Mette Krogh (stabschef)", "Ingen har brugt den, og vandet er på vej ned."));
        yield return (210, Kind(LogEntryKind.Ordre, "Luk nødovernatningen og send personalet hjem.", "Skole og Institution"));
        yield return (230, Info("Vandstand ved Vallensbæk Sø falder."));
        yield return (250, Kind(LogEntryKind.Handling, "Vallensbæk Strandvej genåbnet."));
        yield return (270, Kind(LogEntryKind.MeldingUd, "Slutorientering til Beredskab 4K og nabokommunerne."));
        yield return (290, new Level(0, "Direktør (øvelsens direktør)", "Hændelsen er under kontrol, og der er ingen udestående opgaver, der kræver koordinering."));
        yield return (300, new Phase(StaffPhase.Afviklet));
        yield return (320, Info("Evaluering af øvelsen aftales til næste uge.", true));
    }

    /// <summary>Lets the demo's night pass in seconds: the log's recorded-at follows the script.</summary>
    private sealed class DemoClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
