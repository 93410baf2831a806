namespace Stabsrum.Features.AnnualWheel;

/// <summary>The obligation form's fields, shared by the new and edit pages.</summary>
public sealed class ObligationForm
{
    public string? Title { get; set; }

    public ObligationKind? Kind { get; set; }

    public string? Owner { get; set; }

    public DateOnly? DueOn { get; set; }

    public Recurrence? Recurrence { get; set; }

    public int? IntervalYears { get; set; }

    public string? Notes { get; set; }

    public int? ReminderDaysBefore { get; set; }

    public string? ReminderEmail { get; set; }

    public ObligationInput ToInput(Guid? id = null) =>
        new(id, Title, Kind, Owner, DueOn, Recurrence, IntervalYears, Notes, ReminderDaysBefore, ReminderEmail);

    public static ObligationForm From(Obligation o) => new()
    {
        Title = o.Title,
        Kind = o.Kind,
        Owner = o.Owner,
        DueOn = o.DueOn,
        Recurrence = o.Recurrence,
        IntervalYears = o.IntervalYears,
        Notes = o.Notes,
        ReminderDaysBefore = o.ReminderDaysBefore,
        ReminderEmail = o.ReminderEmail,
    };
}
