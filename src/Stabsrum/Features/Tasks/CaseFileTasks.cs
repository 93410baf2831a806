using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CaseFile;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Pdf;
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
internal sealed class CaseFileTasks(TimeProvider time) : ICaseFileSection, ICaseFilePdfChapter
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

    /// <summary>Same text as <c>_CaseFileTasks.cshtml</c>: the totals, the action cards used, then each task with its history.</summary>
    public void WritePdf(PdfFlow pdf, object data)
    {
        var d = (CaseFileTasksData)data;
        pdf.Paragraph($"{d.Total} opgaver i alt: {d.Done} udført, {d.Stopped} afvist eller annulleret, {d.Open} åbne{(d.Overdue > 0 ? $", heraf {d.Overdue} med overskredet frist" : "")}.");
        if (d.ActionCards.Count > 0)
        {
            pdf.Heading("Actionkort taget i brug", CaseFilePdf.Sub);
            foreach (var c in d.ActionCards)
            {
                pdf.Paragraph(PdfParagraph.Of($"• {c.CardTitle} (version {c.VersionNumber}), {c.ActivatedAt} af {c.ActivatedBy}: {c.Done} af {c.Tasks} udført, {c.Stopped} afvist/annulleret, {c.Open} åbne.", indent: 10, spaceAfter: 2));
            }
        }

        foreach (var t in d.Tasks)
        {
            pdf.Heading($"{t.Number}. {t.Title}", CaseFilePdf.Sub);
            pdf.Paragraph(new PdfParagraph(
            [
                new PdfSpan("Slutstatus: "), new PdfSpan(t.FinalStatus, Bold: true),
                new PdfSpan($"{(t.StatusReason is null ? "" : $" ({t.StatusReason})")}{(t.OverdueWhenFiled ? " – frist overskredet" : "")}\n" +
                    $"Ansvarlig: {t.Owner ?? "–"}{(t.OwnerRole is null || t.OwnerRole == t.Owner ? "" : $" ({t.OwnerRole})")}{(t.Recipient is null ? "" : $" · Ordre til {t.Recipient}")}\n" +
                    $"Frist: {t.Deadline ?? "ingen"} · Prioritet: {t.Priority} · Oprindelse: {t.Origin}{(t.OriginLabel is null ? "" : $" – {t.OriginLabel}")}\n" +
                    $"Oprettet {t.CreatedAt} af {t.CreatedBy}{(t.CompletedAt is null ? "" : $" · udført {t.CompletedAt}")}"),
            ]));
            if (t.Description is not null)
            {
                pdf.Paragraph(t.Description);
            }

            pdf.Table([new PdfColumn("Tidspunkt", 1.6f), new PdfColumn("Fra", 1), new PdfColumn("Til", 1), new PdfColumn("Af", 1.3f), new PdfColumn("Begrundelse", 2)],
                t.History.Select(h => (IReadOnlyList<string?>)[h.ChangedAt, h.From ?? "–", h.To, h.ChangedBy, h.Reason ?? ""]));
        }
    }

    /// <summary>Danish local time with the offset, e.g. 06-12-2026 14:05:00 +01:00.</summary>
    public static string Stamp(DateTimeOffset utc) => DanishTime.ToLocal(utc).ToString(@"dd-MM-yyyy HH\:mm\:ss zzz", CultureInfo.InvariantCulture);
}
