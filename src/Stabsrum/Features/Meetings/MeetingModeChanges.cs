using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Features.Tasks;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Features.Meetings;

/// <summary>
/// The meeting itself: attendance, the status round, notes and decisions. A decision's "hvem gør hvad" lines
/// become tasks (origin = the decision); in an incident's meeting the decision is also written to the crisis log
/// (kind beslutning, decided by the body) in the same transaction.
/// </summary>
public sealed class MeetingModeChanges(StabsrumDbContext db, TimeProvider time, IServiceProvider services)
{
    public const string LockedMessage = "Referatet er sendt til godkendelse eller godkendt og kan ikke ændres. Opret en rettelse med en begrundelse.";

    public async Task<MeetingResult<Meeting>> SetAttendanceAsync(Guid meetingId, AttendanceInput input, CancellationToken ct)
    {
        var (meeting, refusal) = await OpenMeetingAsync(meetingId, ct);
        if (meeting is null)
        {
            return refusal!;
        }

        var lines = input.People ?? [];
        var errors = new ValidationErrors();
        for (var i = 0; i < lines.Count; i++)
        {
            errors.Required($"people[{i}].name", lines[i].Name, "Navnet");
            errors.Optional($"people[{i}].note", lines[i].Note, "Bemærkningen", 500);
        }

        if (lines.Select(l => l.Name?.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != lines.Count)
        {
            errors.Add("people", "Samme navn står to gange.");
        }

        if (errors.Any)
        {
            return MeetingResult<Meeting>.Bad(errors);
        }

        db.MeetingAttendances.RemoveRange(await db.MeetingAttendances.Where(a => a.MeetingId == meetingId).ToListAsync(ct));
        foreach (var line in lines)
        {
            db.MeetingAttendances.Add(new MeetingAttendance { OrganisationId = meeting.OrganisationId, MeetingId = meetingId, Name = line.Name!.Trim(), Present = line.Present, Note = BodyChanges.Clean(line.Note) });
        }

        await db.SaveChangesAsync(ct);
        return MeetingResult<Meeting>.Done(meeting);
    }

    public async Task<MeetingResult<Meeting>> SetStatusRoundAsync(Guid meetingId, StatusRoundInput input, CancellationToken ct)
    {
        var (meeting, refusal) = await OpenMeetingAsync(meetingId, ct);
        if (meeting is null)
        {
            return refusal!;
        }

        var lines = input.Units ?? [];
        var errors = new ValidationErrors();
        for (var i = 0; i < lines.Count; i++)
        {
            errors.Required($"units[{i}].unit", lines[i].Unit, "Enheden");
            errors.Required($"units[{i}].text", lines[i].Text, "Status", 4000);
        }

        if (errors.Any)
        {
            return MeetingResult<Meeting>.Bad(errors);
        }

        db.UnitStatusReports.RemoveRange(await db.UnitStatusReports.Where(r => r.MeetingId == meetingId).ToListAsync(ct));
        for (var i = 0; i < lines.Count; i++)
        {
            db.UnitStatusReports.Add(new UnitStatusReport { OrganisationId = meeting.OrganisationId, MeetingId = meetingId, Unit = lines[i].Unit!.Trim(), Text = lines[i].Text!.Trim(), SortOrder = i });
        }

        await db.SaveChangesAsync(ct);
        return MeetingResult<Meeting>.Done(meeting);
    }

    public async Task<MeetingResult<AgendaItem>> SetNotesAsync(Guid meetingId, Guid itemId, NotesInput input, CancellationToken ct)
    {
        var (meeting, refusal) = await OpenMeetingAsync(meetingId, ct);
        if (meeting is null)
        {
            return refusal!.As<AgendaItem>();
        }

        var item = await db.AgendaItems.SingleOrDefaultAsync(i => i.Id == itemId && i.MeetingId == meetingId && i.Status == AgendaItemStatus.Optaget, ct);
        if (item is null)
        {
            return MeetingResult<AgendaItem>.Missing();
        }

        var errors = new ValidationErrors().Optional("notes", input.Notes, "Noterne", AgendaItem.MaxTextLength);
        if (errors.Any)
        {
            return MeetingResult<AgendaItem>.Bad(errors);
        }

        item.Notes = BodyChanges.Clean(input.Notes);
        await db.SaveChangesAsync(ct);
        return MeetingResult<AgendaItem>.Done(item);
    }

    /// <summary>
    /// Records the decision once (a retry with the same text is a no-op; a different text is a conflict — a changed
    /// decision is a correction of the minutes). Tasks and the log entry are written in the same transaction.
    /// </summary>
    public async Task<MeetingResult<AgendaItem>> DecideAsync(Guid meetingId, Guid itemId, DecisionInput input, CancellationToken ct)
    {
        var (meeting, refusal) = await OpenMeetingAsync(meetingId, ct);
        if (meeting is null)
        {
            return refusal!.As<AgendaItem>();
        }

        var item = await db.AgendaItems.SingleOrDefaultAsync(i => i.Id == itemId && i.MeetingId == meetingId && i.Status == AgendaItemStatus.Optaget, ct);
        if (item is null)
        {
            return MeetingResult<AgendaItem>.Missing();
        }

        var decision = input.Decision?.Trim();
        if (item.Decision is not null)
        {
            return item.Decision == decision ? MeetingResult<AgendaItem>.Done(item) : MeetingResult<AgendaItem>.Clash("Punktet har allerede en beslutning. En ændret beslutning føres som rettelse af referatet.");
        }

        if (meeting.AgendaVersion == 0)
        {
            return MeetingResult<AgendaItem>.Clash("Dagsordenen er ikke udsendt endnu.");
        }

        var actions = input.Actions ?? [];
        var errors = new ValidationErrors().Required("decision", decision, "Beslutningen", AgendaItem.MaxTextLength);
        errors.Optional("notes", input.Notes, "Noterne", AgendaItem.MaxTextLength);
        if (actions.Count > 50)
        {
            errors.Add("actions", "Højst 50 opfølgningslinjer pr. beslutning.");
        }

        for (var i = 0; i < actions.Count; i++)
        {
            errors.Required($"actions[{i}].text", actions[i].Text, "Hvad", 500);
            errors.Required($"actions[{i}].ownerName", actions[i].OwnerName, "Hvem");
        }

        var ids = actions.Where(a => a.Id is not null).Select(a => a.Id!.Value).ToList();
        if (ids.Count > 0 && await db.DecisionActions.IgnoreQueryFilters().AnyAsync(a => ids.Contains(a.Id), ct))
        {
            errors.Add("actions", "En opfølgningslinje med dette id findes allerede.");
        }

        if (errors.Any)
        {
            return MeetingResult<AgendaItem>.Bad(errors);
        }

        var body = await db.MeetingBodies.AsNoTracking().Where(b => b.Id == meeting.BodyId).Select(b => b.Name).SingleAsync(ct);
        var now = time.GetUtcNow();
        // Joins the caller's transaction when there is one (demo data seeds in one); otherwise owns its own.
        var ownsTransaction = db.Database.CurrentTransaction is null;
        await using var transaction = ownsTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
        item.Decision = decision;
        item.Notes = BodyChanges.Clean(input.Notes) ?? item.Notes;
        item.DecidedAt = now;
        var label = $"{body} {DanishTime.FormatDate(meeting.StartsAt)}, punkt {item.Number}: {item.Title}";
        var intake = services.GetService<ITaskIntake>();
        for (var i = 0; i < actions.Count; i++)
        {
            var line = new DecisionAction
            {
                Id = actions[i].Id ?? Guid.CreateVersion7(),
                OrganisationId = meeting.OrganisationId,
                ItemId = item.Id,
                Text = actions[i].Text!.Trim(),
                OwnerName = actions[i].OwnerName!.Trim(),
                Deadline = actions[i].Deadline,
                SortOrder = i,
            };
            if (intake is not null)
            {
                // The task's id is derived from the line's, so a retried decision finds the same task.
                line.TaskId = line.Id;
                var deadline = line.Deadline is { } d ? DanishTime.FromLocal(d.ToDateTime(new TimeOnly(16, 0))) : (DateTimeOffset?)null;
                await intake.CreateAsync(new NewStaffTask(line.TaskId.Value, meeting.IncidentId, line.Text, Cut($"Beslutning: {decision}", 4000), line.OwnerName, deadline,
                    TaskOriginKind.MeetingDecision, item.Id, Cut(label, 500)), ct);
            }

            db.DecisionActions.Add(line);
        }

        await db.SaveChangesAsync(ct);
        if (meeting.IncidentId is { } incidentId)
        {
            item.LogEntryId = input.LogEntryId ?? Guid.CreateVersion7();
            var rationale = item.Indstilling ?? BodyChanges.Clean(input.Notes) ?? "Besluttet på mødet.";
            var logged = await services.GetRequiredService<CrisisLog.CrisisLog>().AppendAsync(incidentId, new NewLogEntry(
                item.LogEntryId.Value, LogEntryKind.Beslutning, $"{item.Title}: {decision}", Significant: true, DecidedBy: body,
                Rationale: rationale.Length > 4000 ? rationale[..4000] : rationale), ct);
            if (!logged.Succeeded)
            {
                if (transaction is not null)
                {
                    await transaction.RollbackAsync(ct);
                }

                db.ChangeTracker.Clear();
                var reason = string.Join(" ", logged.Errors.ToDictionary().Values.SelectMany(v => v));
                return MeetingResult<AgendaItem>.Clash("Beslutningen kunne ikke skrives i kriseloggen: " + (reason.Length > 0 ? reason : logged.Outcome.ToString()));
            }

            await db.SaveChangesAsync(ct);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return MeetingResult<AgendaItem>.Done(item);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>The meeting, if it may still be changed: not cancelled, and its minutes (if any) still a draft.</summary>
    internal async Task<(Meeting? Meeting, MeetingResult<Meeting>? Refusal)> OpenMeetingAsync(Guid meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return (null, MeetingResult<Meeting>.Missing());
        }

        if (meeting.Status == MeetingStatus.Aflyst)
        {
            return (null, MeetingResult<Meeting>.Clash("Mødet er aflyst."));
        }

        var latest = await db.Minutes.AsNoTracking().Where(m => m.MeetingId == meetingId).OrderByDescending(m => m.Version).Select(m => (MinutesStatus?)m.Status).FirstOrDefaultAsync(ct);
        return latest is null or MinutesStatus.Kladde ? (meeting, null) : (null, MeetingResult<Meeting>.Clash(LockedMessage));
    }
}
