namespace Stabsrum.Features.CallOut;

/// <summary>Danish names for the call-out's states, shown on the pages.</summary>
public static class CallOutNames
{
    public static string Status(CallOutStatus status) => status switch
    {
        CallOutStatus.Draft => "Kladde – ikke sendt",
        CallOutStatus.Active => "I gang",
        CallOutStatus.Completed => "Afsluttet",
        _ => "Annulleret",
    };

    public static string Kind(CallOutKind kind) => kind switch
    {
        CallOutKind.Exercise => "ØVELSE",
        CallOutKind.Test => "PRØVEALARM",
        _ => "RIGTIG ALARMERING",
    };

    public static string Attempt(AttemptStatus status) => status switch
    {
        AttemptStatus.Queued => "i kø",
        AttemptStatus.Sending => "sendes",
        AttemptStatus.Sent => "sendt",
        AttemptStatus.Delivered => "leveret",
        AttemptStatus.Failed => "fejlet",
        _ => "besvaret",
    };

    public static string Channel(CallOutChannel channel) => channel switch
    {
        CallOutChannel.Sms => "SMS",
        CallOutChannel.Email => "E-mail",
        _ => "Stabsrum",
    };

    public static string Target(TargetState state) => state switch
    {
        TargetState.Satisfied => "opfyldt",
        TargetState.Exhausted => "ikke nået",
        _ => "åben",
    };
}
