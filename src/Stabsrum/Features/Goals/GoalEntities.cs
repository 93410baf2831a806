using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Goals;

/// <summary>A multi-year plan (NOBR2025, 2022–2025) or a contract year (Resultatkontrakt 2023).</summary>
public enum GoalPlanKind
{
    Periode,
    Kontraktaar,
}

/// <summary>How a goal was set: by a national framework agreement or locally (seed 003).</summary>
public enum GoalKind
{
    Lokalt,
    Nationalt,
}

/// <summary>How a goal counts as fulfilled (seed 003): by a key figure, by its activities, or by a manual assessment.</summary>
public enum FulfilmentRule
{
    Ingen,
    Noegletal,
    Aktiviteter,
    Manuel,
}

public sealed class GoalPlan : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public required string Name { get; set; }

    public GoalPlanKind Kind { get; set; }

    public int StartYear { get; set; }

    public int EndYear { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string PeriodText => StartYear == EndYear ? StartYear.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{StartYear}–{EndYear}";
}

/// <summary>A focus area; areas nest (Det forebyggende arbejde › Brandsyn).</summary>
public sealed class FocusArea : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid PlanId { get; set; }

    public Guid? ParentId { get; set; }

    public required string Name { get; set; }

    public int SortOrder { get; set; }
}

/// <summary>A handlingsplansmål (HP-mål), numbered within its plan.</summary>
public sealed class Goal : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid PlanId { get; set; }

    public Guid? FocusAreaId { get; set; }

    public int Number { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    public GoalKind Kind { get; set; }

    public string? Owner { get; set; }

    /// <summary>Seed 000: "Beskrivelse af hvordan man ønsker at angribe målopfyldelsen og implementeringen".</summary>
    public string? Approach { get; set; }

    /// <summary>Benefit overview (gevinstoverblik) for goals without direct data.</summary>
    public string? ExpectedBenefits { get; set; }

    public string? IndirectIndicators { get; set; }

    public FulfilmentRule FulfilmentRule { get; set; }

    /// <summary>For <see cref="FulfilmentRule.Noegletal"/>: the key figure whose target fulfils the goal.</summary>
    public Guid? FulfilmentKeyFigureId { get; set; }

    /// <summary>For <see cref="FulfilmentRule.Manuel"/>: the assessed percentage and why.</summary>
    public int? ManualPercent { get; set; }

    public string? ManualJustification { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>An initiative under a goal (29.1, 29.2 …). Its number is the goal's number and its own sequence.</summary>
public sealed class Initiative : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid GoalId { get; set; }

    public int Sequence { get; set; }

    public required string Text { get; set; }

    public string? Responsible { get; set; }

    public string? Description { get; set; }

    public DateOnly? ScheduleFrom { get; set; }

    public DateOnly? ScheduleTo { get; set; }

    /// <summary>The schedule was given as a quarter ("Q2 2022") rather than a date range.</summary>
    public bool ScheduleIsQuarter { get; set; }

    public Schedule Schedule
    {
        get => Schedule.Of(ScheduleFrom, ScheduleTo, ScheduleIsQuarter);
        set => (ScheduleFrom, ScheduleTo, ScheduleIsQuarter) = (value.From, value.To, value.IsQuarter);
    }

    public InitiativeStatus Status { get; set; } = InitiativeStatus.IgangsaettesJfTidsplan;

    /// <summary>When it last became Implementeret: drives "initiativer udført i år".</summary>
    public DateTimeOffset? ImplementedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public static string NumberOf(int goalNumber, int sequence) => $"{goalNumber}.{sequence}";
}

/// <summary>One status change of an initiative: who, when, from, to and why. Never changed afterwards.</summary>
public sealed class InitiativeStatusChange : IOrganisationOwned, IAppendOnly
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid InitiativeId { get; set; }

    public InitiativeStatus? FromStatus { get; set; }

    public InitiativeStatus ToStatus { get; set; }

    public string? Comment { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public required string ChangedBy { get; set; }
}

/// <summary>Who reports on a goal to whom, and how often ("Erhvervshus Nordjylland afrapporterer årligt til KKR").</summary>
public sealed class ReportingLine : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid GoalId { get; set; }

    public required string Reporter { get; set; }

    public required string Recipient { get; set; }

    public Frequency Frequency { get; set; }

    /// <summary>The first deadline; the next ones follow at <see cref="Frequency"/>. When empty, the end of each period.</summary>
    public DateOnly? FirstDueOn { get; set; }

    public string? Note { get; set; }
}

/// <summary>A qualitative assessment in a goal's benefit overview, on the scale in <see cref="BenefitScale"/>.</summary>
public sealed class BenefitAssessment : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid GoalId { get; set; }

    public required string Period { get; set; }

    public DateOnly PeriodStart { get; set; }

    public int Score { get; set; }

    public required string Evidence { get; set; }

    public DateTimeOffset AssessedAt { get; set; }

    public required string AssessedBy { get; set; }
}

/// <summary>A report issued to an audience; the next report shows what changed since.</summary>
public sealed class GoalReportIssue : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid PlanId { get; set; }

    public ReportAudience Audience { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public required string IssuedBy { get; set; }
}

public enum Frequency
{
    Maanedlig,
    Kvartalsvis,
    Halvaarlig,
    Aarlig,
}

public enum ReportAudience
{
    Medarbejdere,
    Ledere,
    Bestyrelse,
    Ejerkommuner,
}

public static class GoalTexts
{
    public static string Label(this GoalKind kind) => kind == GoalKind.Nationalt ? "Nationalt fastsat" : "Lokalt fastsat";

    public static string Label(this GoalPlanKind kind) => kind == GoalPlanKind.Periode ? "Planperiode" : "Kontraktår";

    public static string Label(this Frequency f) => f switch
    {
        Frequency.Maanedlig => "Månedlig",
        Frequency.Kvartalsvis => "Kvartalsvis",
        Frequency.Halvaarlig => "Halvårlig",
        _ => "Årlig",
    };

    public static string Label(this ReportAudience a) => a switch
    {
        ReportAudience.Medarbejdere => "Medarbejdere",
        ReportAudience.Ledere => "Ledere",
        ReportAudience.Bestyrelse => "Bestyrelse",
        _ => "Ejerkommuner",
    };

    public static string Label(this FulfilmentRule r) => r switch
    {
        FulfilmentRule.Noegletal => "Nøgletal når sit mål",
        FulfilmentRule.Aktiviteter => "Alle initiativer gennemført",
        FulfilmentRule.Manuel => "Manuel vurdering",
        _ => "Ingen regel",
    };
}

/// <summary>The scale of qualitative assessments in a benefit overview.</summary>
public static class BenefitScale
{
    public static readonly IReadOnlyList<(int Score, string Label)> Steps =
    [
        (1, "Ingen gevinst endnu"),
        (2, "Begrænset gevinst"),
        (3, "Nogen gevinst"),
        (4, "Betydelig gevinst"),
        (5, "Gevinst fuldt opnået"),
    ];

    public static string Label(int score) => Steps.FirstOrDefault(s => s.Score == score).Label ?? "Ukendt";
}
