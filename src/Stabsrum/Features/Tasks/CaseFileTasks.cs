using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CaseFile;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Features.Tasks;

public sealed record CaseFileTaskChange(string? From, string To, string? Reason, string ChangedAt, string ChangedBy);

public sealed record CaseFileTask(
    int Number, Guid Id, string Title, string? Description, string? Owner, string? OwnerRole, string? Recipient, string? Deadline, string Priority,
    string FinalStatus, string? StatusReason, string Origin, string? OriginLabel, string CreatedAt, string CreatedBy, string? CompletedAt,
    bool OverdueWhenFiled, IReadOnlyList<CaseFileTaskChange> History);

public sealed record CaseFileCard(string CardTitle, int VersionNumber, string ActivatedAt, string ActivatedBy, int Tasks, int Done, int Stopped, int Open);

/// <summary>The tasks chapter's data: every task with its final status and history, and the action cards used.</summary>
public sealed record CaseFileTasksData(int Total, int Done, int Stopped, int Open, int Overdue, IReadOnlyList<CaseFileTask> Tasks, IReadOnlyList<CaseFileCard> ActionCards);

/// <summary>
/// Sagsakt chapter "Opgaver og ordrer" (seed 001 §4.4: the status of initiated actions must be in the journal).
/// Ordered by creation time then id, times in Danish local time with the offset, so the same data gives the same text.
/// Overdue is judged against <see cref="TimeProvider"/> at filing time (a task still open past its deadline).
/// </summary>
internal sealed class CaseFileTasks(TimeProvider time) : ICaseFileSection
{
    public int Order => 60;

    public string Title => "Opgaver og ordrer";

    public string PartialViewName => "/Features/Tasks/Pages/_CaseFileTasks.cshtml";

    public string JsonFileName => "opgaver.json";

    public async Task<CaseFileChapter> LoadAsync(StabsrumDbContext db, CaseFileRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var tasks = (await db.StaffTasks.AsNoTracking().Where(t => t.IncidentId == request.IncidentId).ToListAsync(cancellationToken))
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).ToList();
        var history = await TaskQueries.HistoryAsync(db, tasks.Select(t => t.Id).ToList(), cancellationToken);
        var rows = tasks.Select((t, i) => new CaseFileTask(
            i + 1, t.Id, t.Title, t.Description, t.OwnerName, t.OwnerRole, t.Recipient, t.Deadline is { } d ? Stamp(d) : null, TaskRules.Label(t.Priority),
            TaskRules.Label(t.Status), t.StatusReason, TaskRules.Label(t.OriginKind), t.OriginLabel, Stamp(t.CreatedAt), t.CreatedBy,
            t.CompletedAt is { } c ? Stamp(c) : null, t.IsOverdue(now),
            history.GetValueOrDefault(t.Id, []).Select(h => new CaseFileTaskChange(h.From is { } f ? TaskRules.Label(f) : null, TaskRules.Label(h.To), h.Reason, Stamp(h.ChangedAt), h.ChangedBy)).ToList()))
            .ToList();
        var cards = (await ActionCardActivations.ForIncidentAsync(db, request.IncidentId, cancellationToken))
            .Select(a => new CaseFileCard(a.CardTitle, a.VersionNumber, Stamp(a.ActivatedAt), a.ActivatedBy, a.Tasks, a.Done, a.Stopped, a.Open)).ToList();
        var data = new CaseFileTasksData(
            rows.Count,
            tasks.Count(t => t.Status == StaffTaskStatus.Udfoert),
            tasks.Count(t => t.Status is StaffTaskStatus.Afvist or StaffTaskStatus.Annulleret),
            tasks.Count(t => t.IsOpen),
            rows.Count(r => r.OverdueWhenFiled),
            rows,
            cards);
        return new CaseFileChapter(data);
    }

    /// <summary>Danish local time with the offset, e.g. 06-12-2026 14:05:00 +01:00.</summary>
    public static string Stamp(DateTimeOffset utc) => DanishTime.ToLocal(utc).ToString(@"dd-MM-yyyy HH\:mm\:ss zzz", CultureInfo.InvariantCulture);
}
