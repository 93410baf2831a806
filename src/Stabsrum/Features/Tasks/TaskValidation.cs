using Stabsrum.Infrastructure.Problems;

namespace Stabsrum.Features.Tasks;

/// <summary>What a person fills in to create a task (page or API). <see cref="Id"/> is the client's idempotency key.</summary>
public sealed record TaskInput(
    Guid Id,
    string? Title,
    string? Description = null,
    string? OwnerName = null,
    Guid? OwnerKeyPersonId = null,
    string? OwnerRole = null,
    Guid? OwnerUserId = null,
    DateTimeOffset? Deadline = null,
    TaskPriority Priority = TaskPriority.Normal,
    string? Recipient = null,
    Guid? FromLogEntryId = null);

/// <summary>A status change. <see cref="ChangeId"/> (optional) makes a retry answer with the stored change.</summary>
public sealed record TaskTransitionInput(StaffTaskStatus Status, string? Reason = null, Guid? ChangeId = null);

public static class TaskValidation
{
    public static ValidationErrors Validate(TaskInput input, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (input.Id == Guid.Empty)
        {
            errors.Add("id", "Opgavens id skal være et UUID, som klienten vælger.");
        }

        errors.Required("title", input.Title, "Titlen", StaffTask.MaxTitleLength);
        errors.Optional("description", input.Description, "Beskrivelsen", StaffTask.MaxDescriptionLength);
        errors.Optional("ownerName", input.OwnerName, "Ansvarlig", StaffTask.MaxNameLength);
        errors.Optional("ownerRole", input.OwnerRole, "Ansvarlig rolle", StaffTask.MaxNameLength);
        errors.Optional("recipient", input.Recipient, "Modtager", StaffTask.MaxNameLength);
        if (!Enum.IsDefined(input.Priority))
        {
            errors.Add("priority", "Ukendt prioritet.");
        }

        if (input.Deadline is { } deadline && deadline < now.AddMinutes(-1))
        {
            errors.Add("deadline", "Fristen kan ikke ligge før opgaven oprettes.");
        }

        return errors;
    }

    /// <summary>The same rules for other features' <see cref="NewStaffTask"/>; null when valid.</summary>
    internal static string? ValidateIntake(NewStaffTask task)
    {
        if (task.Id == Guid.Empty)
        {
            return "Opgavens id skal være et UUID, som kalderen vælger.";
        }

        if (string.IsNullOrWhiteSpace(task.Title) || task.Title.Trim().Length > StaffTask.MaxTitleLength)
        {
            return $"Opgavens titel skal udfyldes og må højst være {StaffTask.MaxTitleLength} tegn.";
        }

        if (!Enum.IsDefined(task.OriginKind))
        {
            return "Ukendt oprindelse.";
        }

        if (task.Priority is { } p && !Enum.IsDefined(p))
        {
            return "Ukendt prioritet.";
        }

        static bool TooLong(string? v, int max) => v is not null && v.Trim().Length > max;
        return TooLong(task.Description, StaffTask.MaxDescriptionLength) || TooLong(task.OwnerName, StaffTask.MaxNameLength)
            || TooLong(task.OwnerRole, StaffTask.MaxNameLength) || TooLong(task.OriginLabel, StaffTask.MaxTitleLength)
            || TooLong(task.Recipient, StaffTask.MaxNameLength)
            ? "Et af opgavens felter er for langt."
            : null;
    }
}
