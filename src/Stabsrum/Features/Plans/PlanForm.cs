namespace Stabsrum.Features.Plans;

/// <summary>The plan form's fields, shared by the new and edit pages.</summary>
public sealed class PlanForm
{
    public string? Title { get; set; }

    public PlanType? Type { get; set; }

    public string? OwnerUnit { get; set; }

    public string? ResponsiblePerson { get; set; }

    public string? ApprovedBy { get; set; }

    public DateOnly? ApprovedOn { get; set; }

    public DateOnly? SentToAgencyOn { get; set; }

    public DateOnly? LastExercisedOn { get; set; }

    public DateOnly? LastEvaluatedOn { get; set; }

    public string? LastEvaluationNote { get; set; }

    public string? ReminderEmail { get; set; }

    public PlanInput ToInput(Guid? id = null) => new(
        id, Title, Type, OwnerUnit, ResponsiblePerson, ApprovedBy, ApprovedOn, SentToAgencyOn, LastExercisedOn, LastEvaluatedOn, LastEvaluationNote, ReminderEmail);

    public static PlanForm From(Plan p) => new()
    {
        Title = p.Title,
        Type = p.Type,
        OwnerUnit = p.OwnerUnit,
        ResponsiblePerson = p.ResponsiblePerson,
        ApprovedBy = p.ApprovedBy,
        ApprovedOn = p.ApprovedOn,
        SentToAgencyOn = p.SentToAgencyOn,
        LastExercisedOn = p.LastExercisedOn,
        LastEvaluatedOn = p.LastEvaluatedOn,
        LastEvaluationNote = p.LastEvaluationNote,
        ReminderEmail = p.ReminderEmail,
    };
}
