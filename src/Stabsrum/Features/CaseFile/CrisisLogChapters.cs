using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Features.Organisations;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Features.CaseFile;

public sealed record CaseFileStateChange(long Sequence, DateTimeOffset At, string Subject, string Text, string AuthorName);

public sealed record CaseFileFacts(
    Guid IncidentId, string Title, string Type, string Area, string Description, bool IsExercise, string Status, string LevelName, string PhaseName,
    DateTimeOffset StartedAt, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, long LogEntries, IReadOnlyList<CaseFileStateChange> History);

public sealed record CaseFileRole(string RoleName, DateTimeOffset AssumedAt, DateTimeOffset? RenouncedAt);

public sealed record CaseFileStaffMember(string Name, DateTimeOffset JoinedAt, DateTimeOffset? LeftAt, IReadOnlyList<CaseFileRole> Roles);

public sealed record CaseFileAttachmentRef(Guid Id, string FileName, string ContentType, long Size, string Sha256, string ZipPath);

public sealed record CaseFileLogEntry(
    long Sequence, Guid Id, string Kind, string KindName, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, bool Significant, string Classification,
    bool Redacted, string? Text, string? DecidedBy, string? Rationale, string? Recipient, string? HandoverOpen, string? HandoverWatch,
    long? CorrectsSequence, IReadOnlyList<long> CorrectedBySequences, string AuthorName, string Hash, IReadOnlyList<CaseFileAttachmentRef> Attachments);

public sealed record CaseFileLog(int Total, int Confidential, int Redacted, int Corrections, int AttachmentCount, IReadOnlyList<CaseFileLogEntry> Entries);

/// <summary>Instants in exported data are Danish local time with the offset (the same instant; readable where it lands).</summary>
internal static class Local
{
    public static DateTimeOffset At(DateTimeOffset utc) => DanishTime.ToLocal(utc);

    public static DateTimeOffset? At(DateTimeOffset? utc) => utc is { } v ? DanishTime.ToLocal(v) : null;
}

/// <summary>Chapter 1: the incident's facts and its level, phase and status history (from the log's own entries).</summary>
public sealed class IncidentFactsChapter : ICaseFileSection
{
    public int Order => 10;

    public string Title => "Hændelsen, niveau og fase";

    public string PartialViewName => "/Features/CaseFile/_CaseFileFacts.cshtml";

    public string JsonFileName => "haendelse.json";

    public async Task<CaseFileChapter> LoadAsync(StabsrumDbContext db, CaseFileRequest request, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == request.IncidentId, cancellationToken);
        var org = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == incident.OrganisationId, cancellationToken);
        var changes = await db.CrisisLogEntries.AsNoTracking()
            .Where(e => e.IncidentId == request.IncidentId && (e.Subject == LogSubject.Level || e.Subject == LogSubject.Phase || e.Subject == LogSubject.Status))
            .OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var history = changes.Select(e => new CaseFileStateChange(e.Sequence, Local.At(e.OccurredAt), SubjectName(e.Subject),
            LogEntryView.Hidden(e, request.IncludeConfidential) ? "Fortroligt indhold – kræver sikkerhedsgodkendelse." : e.Text, e.AuthorName)).ToList();
        return new CaseFileChapter(new CaseFileFacts(
            incident.Id, incident.Title, incident.Type, incident.Area, incident.Description, incident.IsExercise, LogEntryView.StatusName(incident.Status),
            org.LevelName(incident.Level), LogEntryView.PhaseName(incident.Phase), Local.At(incident.StartedAt), Local.At(incident.CreatedAt),
            Local.At(incident.ClosedAt), incident.LogCount, history));
    }

    private static string SubjectName(LogSubject subject) => subject switch
    {
        LogSubject.Level => "Niveau",
        LogSubject.Phase => "Fase",
        _ => "Status",
    };
}

/// <summary>Chapter 2: who was in the crisis staff, when, and in which roles.</summary>
public sealed class StaffChapter : ICaseFileSection
{
    public int Order => 20;

    public string Title => "Krisestab og roller";

    public string PartialViewName => "/Features/CaseFile/_CaseFileStaff.cshtml";

    public string JsonFileName => "krisestab.json";

    public async Task<CaseFileChapter> LoadAsync(StabsrumDbContext db, CaseFileRequest request, CancellationToken cancellationToken)
    {
        var staff = await LogEntryView.StaffAsync(db, request.IncidentId, cancellationToken);
        var members = staff.OrderBy(m => m.JoinedAt).ThenBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id)
            .Select(m => new CaseFileStaffMember(m.Name, Local.At(m.JoinedAt), Local.At(m.LeftAt),
                m.Roles.OrderBy(r => r.AssumedAt).ThenBy(r => r.RoleName, StringComparer.Ordinal)
                    .Select(r => new CaseFileRole(r.RoleName, Local.At(r.AssumedAt), Local.At(r.RenouncedAt))).ToList()))
            .ToList();
        return new CaseFileChapter(members);
    }
}

/// <summary>Chapter 3: the whole log, oldest first, corrections cross-referenced, fortrolig entries redacted unless the exporter is cleared.</summary>
public sealed class LogChapter : ICaseFileSection
{
    public int Order => 30;

    public string Title => "Kriselog";

    public string PartialViewName => "/Features/CaseFile/_CaseFileLog.cshtml";

    public string JsonFileName => "kriselog.json";

    public async Task<CaseFileChapter> LoadAsync(StabsrumDbContext db, CaseFileRequest request, CancellationToken cancellationToken)
    {
        var entries = await db.CrisisLogEntries.AsNoTracking().Where(e => e.IncidentId == request.IncidentId).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var files = await (from a in db.CrisisLogAttachments.AsNoTracking()
                           join e in db.CrisisLogEntries.AsNoTracking() on a.EntryId equals e.Id
                           where e.IncidentId == request.IncidentId
                           orderby e.Sequence, a.FileName, a.Id
                           select new { a.Id, a.EntryId, e.Sequence, a.FileName, a.ContentType, a.Size, a.Sha256 }).ToListAsync(cancellationToken);
        var sequences = entries.ToDictionary(e => e.Id, e => e.Sequence);
        var correctedBy = entries.Where(e => e.CorrectsEntryId is not null).ToLookup(e => e.CorrectsEntryId!.Value, e => e.Sequence);
        var visible = entries.Where(e => !LogEntryView.Hidden(e, request.IncludeConfidential)).Select(e => e.Id).ToHashSet();
        var refs = files.Where(f => visible.Contains(f.EntryId))
            .Select(f => (f.EntryId, f.Id, Ref: new CaseFileAttachmentRef(f.Id, f.FileName, f.ContentType, f.Size, f.Sha256, $"bilag/{f.Sequence:D5}-{f.Id:N}-{SafeName(f.FileName)}")))
            .ToList();
        var byEntry = refs.ToLookup(r => r.EntryId, r => r.Ref);
        var result = entries.Select(e =>
        {
            var hidden = LogEntryView.Hidden(e, request.IncludeConfidential);
            return new CaseFileLogEntry(
                e.Sequence, e.Id, e.Kind.ToString(), LogEntryView.KindName(e.Kind), Local.At(e.OccurredAt), Local.At(e.RecordedAt), e.Significant,
                e.Classification.ToString(), hidden, hidden ? null : e.Text, hidden ? null : e.DecidedBy, hidden ? null : e.Rationale,
                hidden ? null : e.Recipient, hidden ? null : e.HandoverOpen, hidden ? null : e.HandoverWatch,
                e.CorrectsEntryId is { } c ? sequences.GetValueOrDefault(c) : null, correctedBy[e.Id].Order().ToList(), e.AuthorName, e.Hash,
                byEntry[e.Id].ToList());
        }).ToList();

        // Original files, only for entries the exporter may read; loaded in batches so a big log does not hold every file twice.
        var attachments = new List<CaseFileAttachment>();
        foreach (var batch in refs.Chunk(50))
        {
            var ids = batch.Select(b => b.Id).ToList();
            var contents = await db.CrisisLogAttachments.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Content }).ToDictionaryAsync(a => a.Id, a => a.Content, cancellationToken);
            attachments.AddRange(batch.Select(b => new CaseFileAttachment(b.Ref.ZipPath["bilag/".Length..], b.Ref.ContentType, contents[b.Id])));
        }

        var log = new CaseFileLog(entries.Count, entries.Count(e => e.Classification == LogClassification.Fortrolig), result.Count(r => r.Redacted),
            entries.Count(e => e.CorrectsEntryId is not null), refs.Count, result);
        return new CaseFileChapter(log, attachments);
    }

    private static string SafeName(string fileName)
    {
        var name = new string(Path.GetFileName(fileName).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
        return name.Length == 0 ? "bilag" : name[..Math.Min(name.Length, 80)];
    }
}
