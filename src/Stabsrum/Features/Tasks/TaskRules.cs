using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Features.Tasks;

/// <summary>
/// The status rules of a task: ikke startet → i gang → udført, or afvist/annulleret (with a reason) from any open
/// status. Udført, afvist and annulleret are final. Pure, so the rules are tested without a database.
/// </summary>
public static class TaskRules
{
    private static readonly Dictionary<StaffTaskStatus, StaffTaskStatus[]> Allowed = new()
    {
        [StaffTaskStatus.IkkeStartet] = [StaffTaskStatus.IGang, StaffTaskStatus.Udfoert, StaffTaskStatus.Afvist, StaffTaskStatus.Annulleret],
        [StaffTaskStatus.IGang] = [StaffTaskStatus.Udfoert, StaffTaskStatus.Afvist, StaffTaskStatus.Annulleret],
        [StaffTaskStatus.Udfoert] = [],
        [StaffTaskStatus.Afvist] = [],
        [StaffTaskStatus.Annulleret] = [],
    };

    public static bool IsOpen(StaffTaskStatus status) => status is StaffTaskStatus.IkkeStartet or StaffTaskStatus.IGang;

    public static bool RequiresReason(StaffTaskStatus status) => status is StaffTaskStatus.Afvist or StaffTaskStatus.Annulleret;

    public static IReadOnlyList<StaffTaskStatus> NextStatuses(StaffTaskStatus from) => Allowed[from];

    /// <summary>Null when the change is allowed; otherwise a Danish message saying why not. The reason is checked separately.</summary>
    public static string? Refusal(StaffTaskStatus from, StaffTaskStatus to)
    {
        if (!Enum.IsDefined(to))
        {
            return "Ukendt status.";
        }

        if (from == to)
        {
            return $"Opgaven er allerede {Lower(to)}.";
        }

        if (!Allowed[from].Contains(to))
        {
            return IsOpen(from)
                ? $"En opgave kan ikke gå fra {Lower(from)} til {Lower(to)}."
                : $"Opgaven er {Lower(from)} og kan ikke ændres.";
        }

        return null;
    }

    public static string ReasonRequired(StaffTaskStatus to) => $"Angiv en begrundelse, når en opgave bliver {Lower(to)}.";

    public static string Label(StaffTaskStatus status) => status switch
    {
        StaffTaskStatus.IkkeStartet => "Ikke startet",
        StaffTaskStatus.IGang => "I gang",
        StaffTaskStatus.Udfoert => "Udført",
        StaffTaskStatus.Afvist => "Afvist",
        StaffTaskStatus.Annulleret => "Annulleret",
        _ => status.ToString(),
    };

    private static string Lower(StaffTaskStatus status) => Label(status).ToLower(DanishTime.Culture);

    public static string Label(TaskPriority priority) => priority switch
    {
        TaskPriority.Lav => "Lav",
        TaskPriority.Normal => "Normal",
        TaskPriority.Hoej => "Høj",
        TaskPriority.Kritisk => "Kritisk",
        _ => priority.ToString(),
    };

    public static string Label(TaskOriginKind origin) => origin switch
    {
        TaskOriginKind.Manual => "Oprettet manuelt",
        TaskOriginKind.LogDecision => "Beslutning i loggen",
        TaskOriginKind.Order => "Ordre",
        TaskOriginKind.ActionCardStep => "Trin i actionkort",
        TaskOriginKind.MeetingDecision => "Beslutning på møde",
        TaskOriginKind.UnitReport => "Melding fra enhed",
        _ => origin.ToString(),
    };
}
