namespace Stabsrum.Features.AnnualWheel;

/// <summary>The Danish words the årshjul shows.</summary>
public static class ObligationNames
{
    public static string DanishName(this ObligationKind kind) => kind switch
    {
        ObligationKind.Revision => "Revision",
        ObligationKind.Exercise => "Øvelse",
        ObligationKind.IntroductionOfNewManagers => "Introduktion af nye ledere",
        ObligationKind.HalfYearlyStatus => "Halvårlig status",
        _ => "Andet",
    };

    public static string DanishName(this Recurrence recurrence, int intervalYears) => recurrence switch
    {
        Recurrence.Yearly => "Hvert år",
        Recurrence.HalfYearly => "Hvert halve år",
        Recurrence.EveryNYears => intervalYears == 1 ? "Hvert år" : $"Hvert {intervalYears}. år",
        _ => "Én gang",
    };

    public static readonly string[] Months =
        ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];
}
