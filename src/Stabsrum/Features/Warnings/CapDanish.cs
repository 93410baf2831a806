namespace Stabsrum.Features.Warnings;

/// <summary>CAP's code values in the words a Danish crisis staff uses.</summary>
public static class CapDanish
{
    public static string Severity(string? value) => value switch
    {
        "Extreme" => "Ekstrem",
        "Severe" => "Alvorlig",
        "Moderate" => "Moderat",
        "Minor" => "Mindre",
        "Unknown" => "Ukendt",
        _ => value ?? "",
    };

    public static string Urgency(string? value) => value switch
    {
        "Immediate" => "Straks",
        "Expected" => "Forventet snart",
        "Future" => "Senere",
        "Past" => "Overstået",
        "Unknown" => "Ukendt",
        _ => value ?? "",
    };

    public static string Certainty(string? value) => value switch
    {
        "Observed" => "Observeret",
        "Likely" => "Sandsynlig",
        "Possible" => "Mulig",
        "Unlikely" => "Usandsynlig",
        "Unknown" => "Ukendt",
        _ => value ?? "",
    };

    public static string MsgType(string? value) => value switch
    {
        "Alert" => "Varsel",
        "Update" => "Opdatering",
        "Cancel" => "Annullering",
        "Ack" => "Kvittering",
        "Error" => "Fejlmeddelelse",
        _ => value ?? "",
    };

    public static string Status(string? value) => value switch
    {
        "Actual" => "Reel",
        "Exercise" => "Øvelse",
        "System" => "System",
        "Test" => "Test",
        "Draft" => "Kladde",
        _ => value ?? "",
    };
}
