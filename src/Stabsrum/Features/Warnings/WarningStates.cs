namespace Stabsrum.Features.Warnings;

/// <summary>A warning's state as shown: derived, never stored, so expiry needs no job.</summary>
public enum WarningState
{
    Active,
    Expired,
    Cancelled,
    Superseded,
}

public static class WarningStates
{
    public static WarningState Of(Warning w, DateTimeOffset now) =>
        w.CancelledById is not null ? WarningState.Cancelled
        : w.SupersededById is not null ? WarningState.Superseded
        : w.IsExpired(now) ? WarningState.Expired
        : WarningState.Active;

    public static string Danish(this WarningState state) => state switch
    {
        WarningState.Active => "aktiv",
        WarningState.Expired => "udløbet",
        WarningState.Cancelled => "annulleret",
        WarningState.Superseded => "opdateret",
        _ => "",
    };

    public static string Danish(this TriageOutcome outcome) => outcome switch
    {
        TriageOutcome.Untriaged => "Afventer behandling",
        TriageOutcome.Dismissed => "Afvist",
        TriageOutcome.IncidentCreated => "Ny hændelse oprettet",
        TriageOutcome.AttachedToIncident => "Knyttet til hændelse",
        _ => "",
    };

    public static string Danish(this WarningOrigin origin) => origin switch
    {
        WarningOrigin.Cap => "CAP (API)",
        WarningOrigin.Feed => "Feed",
        WarningOrigin.Manual => "Manuelt",
        _ => "",
    };
}
