using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.ActionCards;
using Stabsrum.Features.AnnualWheel;
using Stabsrum.Features.Templates;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Demo;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Plans;

/// <summary>
/// Vallensbæk's plans register (main plan and sub-plans, one overdue and one due soon whenever the demo is loaded),
/// its årshjul for 2026, three action cards for the krisesekretariat (seed 001 § 4.2) and the standard templates.
/// </summary>
internal sealed class PlanningDemoData : IDemoDataContributor
{
    public const string Organisation = "Vallensbæk Kommune";
    public const string ReminderEmail = "beredskab@vallensbaek.demo";

    public int Order => 30;

    public async Task SeedAsync(IServiceProvider services, DemoOptions options, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<StabsrumDbContext>();
        var time = services.GetRequiredService<TimeProvider>();
        var current = services.GetRequiredService<CurrentOrganisation>();
        var org = await db.Organisations.SingleOrDefaultAsync(o => o.Name == Organisation, cancellationToken);
        if (org is null)
        {
            return;
        }

        current.EnterAsSystem(org.Id, "demo");
        try
        {
            var now = time.GetUtcNow();
            var today = time.Today();
            var plans = Plans(org.Id, today, now);
            db.Plans.AddRange(plans);
            foreach (var plan in plans)
            {
                await PlanObligationSync.SyncAsync(db, plan, today, now, cancellationToken);
            }

            db.Obligations.AddRange(Wheel(org.Id, now));
            var main = plans[0];
            foreach (var card in Cards(org.Id, main.Id, now))
            {
                db.ActionCards.Add(card);
            }

            foreach (var (name, kind, body) in StandardTemplates.All)
            {
                db.DocumentTemplates.Add(new DocumentTemplate { OrganisationId = org.Id, Name = name, Kind = kind, Body = body, CreatedAt = now, UpdatedAt = now });
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            current.Leave();
        }
    }

    public IEnumerable<string> Describe(DemoOptions options)
    {
        yield return $"Planregister, årshjul, actionkort og skabeloner: {Organisation} (Beredskab → Planregister).";
    }

    private static List<Plan> Plans(Guid org, DateOnly today, DateTimeOffset now)
    {
        Plan Make(string title, PlanType type, string unit, string responsible, DateOnly? approved, string? by, DateOnly? exercised) => new()
        {
            OrganisationId = org,
            Title = title,
            Type = type,
            OwnerUnit = unit,
            ResponsiblePerson = responsible,
            ApprovedOn = approved,
            ApprovedBy = by,
            SentToAgencyOn = approved?.AddDays(14) is { } sent && sent <= today ? sent : null,
            LastExercisedOn = exercised,
            ReminderEmail = ReminderEmail,
            CreatedAt = now,
            UpdatedAt = now,
        };

        // Dates relative to today, so the demo always shows one plan due soon and one overdue.
        var main = Make("Hovedberedskabsplan for Vallensbæk Kommune", PlanType.Hovedberedskabsplan, "Direktionen", "Beredskabskoordinator (fiktiv)",
            today.AddMonths(-26), "Kommunalbestyrelsen", today.AddYears(-2).AddDays(40));
        main.LastEvaluatedOn = main.LastExercisedOn!.Value.AddDays(21);
        main.LastEvaluationNote = "Staben var etableret efter 1 t 40 min. Læringspunkt: opdatér alarmeringslisten for direktionen.";
        return
        [
            main,
            Make("Delberedskabsplan – Center for Børn og Unge", PlanType.Delberedskabsplan, "Center for Børn og Unge", "Centerchef (fiktiv)",
                new DateOnly(2021, 5, 27), "Direktionen", new DateOnly(2023, 3, 15)),
            Make("Delberedskabsplan – Center for Teknik og Miljø", PlanType.Delberedskabsplan, "Center for Teknik og Miljø", "Driftschef (fiktiv)",
                today.AddMonths(-8), "Direktionen", today.AddMonths(-5)),
            Make("Sundhedsberedskabsplan", PlanType.Sundhedsberedskabsplan, "Center for Social og Sundhed", "Sundhedschef (fiktiv)",
                today.AddMonths(-14), "Kommunalbestyrelsen", null),
            Make("Plan for fortsat drift – IT og telefoni", PlanType.PlanForFortsatDrift, "Center for Job, Organisation og Ledelse", "IT-chef (fiktiv)",
                today.AddMonths(-20), "Direktionen", today.AddMonths(-11)),
        ];
    }

    private static IEnumerable<Obligation> Wheel(Guid org, DateTimeOffset now)
    {
        Obligation Make(string title, ObligationKind kind, string owner, DateOnly due, Recurrence recurrence, int interval = 1, string? notes = null) => new()
        {
            OrganisationId = org,
            Title = title,
            Kind = kind,
            Owner = owner,
            DueOn = due,
            Recurrence = recurrence,
            IntervalYears = interval,
            Notes = notes,
            ReminderDaysBefore = 14,
            ReminderEmail = ReminderEmail,
            CreatedAt = now,
            UpdatedAt = now,
        };

        yield return Make("Introduktion af nye ledere til krisestyringen", ObligationKind.IntroductionOfNewManagers, "HR og beredskabskoordinator", new DateOnly(2026, 2, 15), Recurrence.Yearly);
        yield return Make("Gennemgang af alarmeringslister og nøglepersoner", ObligationKind.Other, "Beredskabskoordinator", new DateOnly(2026, 3, 31), Recurrence.HalfYearly);
        yield return Make("Halvårlig status til direktionen", ObligationKind.HalfYearlyStatus, "Beredskabskoordinator", new DateOnly(2026, 6, 30), Recurrence.HalfYearly,
            notes: "Status på revision af delplaner, øvelser og læringspunkter.");
        yield return Make("Øvelse for direktionen (rammesættende stab)", ObligationKind.Exercise, "Kommunaldirektør", new DateOnly(2026, 10, 8), Recurrence.EveryNYears, 2);
        yield return Make("Evaluering af årets øvelser og hændelser", ObligationKind.Other, "Beredskabskoordinator", new DateOnly(2026, 11, 30), Recurrence.Yearly);
    }

    private static IEnumerable<ActionCard> Cards(Guid org, Guid mainPlan, DateTimeOffset now)
    {
        ActionCard Make(string title, string role, string trigger, params (string Text, string Role, bool LinkPlan)[] steps)
        {
            var card = new ActionCard { OrganisationId = org, Title = title, CreatedAt = now, UpdatedAt = now };
            var version = new ActionCardVersion
            {
                OrganisationId = org,
                ActionCardId = card.Id,
                Number = 1,
                Status = ActionCardStatus.Published,
                Title = title,
                RoleOrSituation = role,
                Trigger = trigger,
                CreatedAt = now,
                CreatedBy = "demo",
                PublishedAt = now,
                PublishedBy = "demo",
            };
            version.Steps.AddRange(steps.Select((s, i) => new ActionCardStep
            {
                OrganisationId = org,
                VersionId = version.Id,
                Position = i + 1,
                Text = s.Text,
                ResponsibleRole = s.Role,
                PlanId = s.LinkPlan ? mainPlan : null,
            }));
            card.Versions.Add(version);
            return card;
        }

        yield return Make("Krisesekretariatet: opstart", "Tovholder for krisesekretariatet", "Den operationelle krisestyringsstab er aktiveret",
            ("Varsle og indkald relevante stabsmedlemmer og støttefunktioner", "Tovholder", true),
            ("Indret og klargør stabsrummet på rådhuset (eller opret virtuelt møde)", "Krisesekretariatet", false),
            ("Opret mailgrupper og fælles postkasse for stab og støttefunktioner", "IT/GIS", false),
            ("Sørg for overvågning af hovedtelefonnummer og hovedpostkasse", "Krisesekretariatet", false),
            ("Udpeg logfører og dagsordenansvarlig", "Tovholder", false));
        yield return Make("Krisesekretariatet: stabsmøde", "Dagsordenansvarlig", "Et møde i krisestyringsstaben er indkaldt",
            ("Indhent forslag til dagsorden fra direktion, stabschef og tovholder", "Dagsordenansvarlig", false),
            ("Udsend dagsorden pr. mail med situationsbillede", "Dagsordenansvarlig", false),
            ("Skriv referat med beslutninger og \"hvem gør hvad\"", "Dagsordenansvarlig", false),
            ("Få referatet godkendt og videreformidlet hurtigt", "Krisestabschef", false),
            ("Journalisér dagsorden og referat", "Logfører", false));
        yield return Make("Krisesekretariatet: kommunikation og logistik", "Tovholder for krisesekretariatet", "Staben har truffet beslutninger, der skal formidles",
            ("Formidl stabens beslutninger i relevante fora", "Kommunikation", false),
            ("Etabler arbejdsgange for intern og ekstern kommunikation", "Pressetalsperson", true),
            ("Hold kontakt til lokale samarbejdspartnere og eksterne netværk", "Forbindelsesofficer", false),
            ("Tag ansvar for logistik: forplejning, kørsel og hvilefaciliteter", "Krisesekretariatet", false));
    }
}
