namespace Stabsrum.Features.Goals;

/// <summary>The four status steps (statustrin) of seed 000, in the order the seed lists them.</summary>
public enum InitiativeStatus
{
    Implementeret,
    Igangsat,
    UdskudtFravalgt,
    IgangsaettesJfTidsplan,
}

/// <summary>Names and meanings exactly as the plan defines them; shown next to every status choice.</summary>
public static class StatusSteps
{
    public static readonly IReadOnlyList<InitiativeStatus> All =
        [InitiativeStatus.Implementeret, InitiativeStatus.Igangsat, InitiativeStatus.UdskudtFravalgt, InitiativeStatus.IgangsaettesJfTidsplan];

    public static string Label(this InitiativeStatus status) => status switch
    {
        InitiativeStatus.Implementeret => "Implementeret",
        InitiativeStatus.Igangsat => "Igangsat / delvist implementeret",
        InitiativeStatus.UdskudtFravalgt => "Udskudt / fravalgt",
        _ => "Igangsættes jf. tidsplan",
    };

    public static string Meaning(this InitiativeStatus status) => status switch
    {
        InitiativeStatus.Implementeret => "Når det angivne HP-mål er indfriet og fuldt ud implementeret. Målet kan trods implementering have fortsat relevans.",
        InitiativeStatus.Igangsat => "Når der er igangsat initiativer som er delvist implementeret eller stadig arbejdes med.",
        InitiativeStatus.UdskudtFravalgt => "Når HP-mål ikke nås i den opsatte RBD, eller hvis lovgivning / ændringer har gjort at målet ikke er relevant.",
        _ => "Når HP-mål og initiativer igangsættes efter godkendt tidsplan.",
    };

    /// <summary>Postponing or dropping must be explained (legislation changed, priorities changed …).</summary>
    public static bool RequiresReason(this InitiativeStatus status) => status == InitiativeStatus.UdskudtFravalgt;

    /// <summary>CSS modifier for the status badge.</summary>
    public static string CssClass(this InitiativeStatus status) => status switch
    {
        InitiativeStatus.Implementeret => "status-done",
        InitiativeStatus.Igangsat => "status-active",
        InitiativeStatus.UdskudtFravalgt => "status-postponed",
        _ => "status-planned",
    };
}
