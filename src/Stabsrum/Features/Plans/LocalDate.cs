using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Features.Plans;

/// <summary>Duties fall due on calendar days in Denmark, not at UTC midnight.</summary>
public static class LocalDate
{
    public static DateOnly Today(this TimeProvider time) =>
        DateOnly.FromDateTime(DanishTime.ToLocal(time.GetUtcNow()).DateTime);

    public static string Format(DateOnly date) => date.ToString("dd-MM-yyyy", DanishTime.Culture);

    public static string Format(DateOnly? date) => date is { } d ? Format(d) : "–";
}
