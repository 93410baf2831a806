namespace Stabsrum.Features.Situation;

/// <summary>One fixed section of a situation picture: its key (API field), its Danish title and how to read it.</summary>
public sealed record SituationSection(string Key, string Title, Func<SituationPicture, string> Read, Action<SituationPicture, string> Write);

/// <summary>The structured sections of a situation picture, in the order they are shown, printed, diffed and exported.</summary>
public static class SituationSections
{
    public static readonly IReadOnlyList<SituationSection> All =
    [
        new("overall", "Samlet situation", p => p.Overall, (p, v) => p.Overall = v),
        new("consequences", "Konsekvenser for borgere og drift", p => p.Consequences, (p, v) => p.Consequences = v),
        new("resourcesCommitted", "Ressourcer indsat", p => p.ResourcesCommitted, (p, v) => p.ResourcesCommitted = v),
        new("resourcesAvailable", "Ressourcer til rådighed", p => p.ResourcesAvailable, (p, v) => p.ResourcesAvailable = v),
        new("resourcesNeeded", "Ressourcebehov", p => p.ResourcesNeeded, (p, v) => p.ResourcesNeeded = v),
        new("expectedDevelopment", "Forventet udvikling", p => p.ExpectedDevelopment, (p, v) => p.ExpectedDevelopment = v),
        new("communication", "Krisekommunikation", p => p.Communication, (p, v) => p.Communication = v),
        new("decisions", "Beslutninger siden sidste version", p => p.Decisions, (p, v) => p.Decisions = v),
    ];

    public const string UnitsTitle = "Meldinger fra enheder";

    public static string StatusName(SituationStatus status) => status == SituationStatus.Kladde ? "Kladde" : "Offentliggjort";
}
