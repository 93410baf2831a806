using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Features.Organisations;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Pdf;
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
public sealed class IncidentFactsChapter : ICaseFileSection, ICaseFilePdfChapter
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

    /// <summary>Same text as <c>_CaseFileFacts.cshtml</c>.</summary>
    public void WritePdf(PdfFlow pdf, object data)
    {
        var facts = (CaseFileFacts)data;
        pdf.Table([new PdfColumn("", 1), new PdfColumn("", 3)],
        [
            ["Titel", (facts.IsExercise ? "ØVELSE – " : "") + facts.Title],
            ["Type", facts.Type],
            ["Område", facts.Area],
            ["Beskrivelse", facts.Description],
            ["Startet", CaseFileTime.Format(facts.StartedAt)],
            ["Oprettet", CaseFileTime.Format(facts.CreatedAt)],
            ["Afsluttet", facts.ClosedAt is { } c ? CaseFileTime.Format(c) : "ikke afsluttet"],
            ["Status", facts.Status],
            ["Beredskabsniveau", facts.LevelName],
            ["Fase", facts.PhaseName],
            ["Logposter", facts.LogEntries.ToString(CultureInfo.InvariantCulture)],
        ], header: false);
        pdf.Heading($"Niveau-, fase- og statusskift ({facts.History.Count})", CaseFilePdf.Sub);
        if (facts.History.Count == 0)
        {
            pdf.Paragraph("Ingen skift.");
            return;
        }

        pdf.Table([new PdfColumn("Log nr.", 0.7f), new PdfColumn("Tidspunkt", 1.6f), new PdfColumn("Skift", 0.8f), new PdfColumn("Tekst", 3), new PdfColumn("Af", 1.3f)],
            facts.History.Select(h => (IReadOnlyList<string?>)[h.Sequence.ToString(CultureInfo.InvariantCulture), CaseFileTime.Format(h.At), h.Subject, h.Text, h.AuthorName]));
    }

    private static string SubjectName(LogSubject subject) => subject switch
    {
        LogSubject.Level => "Niveau",
        LogSubject.Phase => "Fase",
        _ => "Status",
    };
}

/// <summary>Chapter 2: who was in the crisis staff, when, and in which roles.</summary>
public sealed class StaffChapter : ICaseFileSection, ICaseFilePdfChapter
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

    /// <summary>Same text as <c>_CaseFileStaff.cshtml</c>.</summary>
    public void WritePdf(PdfFlow pdf, object data)
    {
        var members = (IReadOnlyList<CaseFileStaffMember>)data;
        pdf.Paragraph($"{members.Count} personer i krisestaben.");
        if (members.Count > 0)
        {
            pdf.Table([new PdfColumn("Navn", 1.5f), new PdfColumn("Mødt", 1.3f), new PdfColumn("Gået", 1.3f), new PdfColumn("Roller", 2.5f)],
                members.Select(m => (IReadOnlyList<string?>)[m.Name, CaseFileTime.Format(m.JoinedAt), CaseFileTime.Format(m.LeftAt),
                    string.Join("\n", m.Roles.Select(r => $"{r.RoleName}: {CaseFileTime.Format(r.AssumedAt)} – {(r.RenouncedAt is { } end ? CaseFileTime.Format(end) : "")}"))]));
        }
    }
}

/// <summary>Chapter 3: the whole log, oldest first, corrections cross-referenced, fortrolig entries redacted unless the exporter is cleared.</summary>
public sealed class LogChapter : ICaseFileSection, ICaseFilePdfChapter
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

    /// <summary>
    /// Same text as <c>_CaseFileLog.cshtml</c>: one block per entry (kept on one page), the head line small, then the
    /// content, a redaction marker for fortrolig content the exporter may not read, and the correction references.
    /// </summary>
    public void WritePdf(PdfFlow pdf, object data)
    {
        var log = (CaseFileLog)data;
        pdf.Paragraph($"{log.Total} poster, heraf {log.Corrections} rettelser og {log.Confidential} fortrolige ({log.Redacted} udeladt i denne sagsakt). {log.AttachmentCount} bilag. * = væsentlig. Hver post: nummer, skete, registreret, type, forfatter; derunder indholdet.");
        var body = new StringBuilder();
        foreach (var e in log.Entries)
        {
            var head = new PdfParagraph(
                [new PdfSpan($"Nr. {e.Sequence}{(e.Significant ? " *" : "")}", Bold: true),
                 new PdfSpan($" · skete {CaseFileTime.FormatWithSeconds(e.OccurredAt)} · registreret {CaseFileTime.FormatWithSeconds(e.RecordedAt)} · {e.KindName}{(e.Classification == "Fortrolig" ? " (fortrolig)" : "")} · {e.AuthorName}")],
                9, 0, 1);
            body.Clear();
            if (e.Redacted)
            {
                body.Append("Fortroligt indhold udeladt – kræver sikkerhedsgodkendelse.");
            }
            else
            {
                body.Append(e.Text);
                Line(body, "Besluttet af: ", e.DecidedBy);
                Line(body, "Begrundelse: ", e.Rationale);
                Line(body, "Modtager: ", e.Recipient);
                Line(body, "Åbent: ", e.HandoverOpen);
                Line(body, "Følg: ", e.HandoverWatch);
                foreach (var a in e.Attachments)
                {
                    Line(body, "Bilag: ", $"{a.FileName} ({a.Size} byte, SHA-256 {a.Sha256[..Math.Min(16, a.Sha256.Length)]}…) → {a.ZipPath}");
                }
            }

            Line(body, "Retter post nr. ", e.CorrectsSequence?.ToString(CultureInfo.InvariantCulture));
            Line(body, "Rettet af post nr. ", e.CorrectedBySequences.Count > 0 ? string.Join(", ", e.CorrectedBySequences) : null);
            pdf.Block([head, PdfParagraph.Of(body.ToString(), spaceAfter: 2)], ruleBelow: true);
        }
    }

    private static void Line(StringBuilder body, string label, string? value)
    {
        if (value is not null)
        {
            body.Append('\n').Append(label).Append(value);
        }
    }

    private static string SafeName(string fileName)
    {
        var name = new string(Path.GetFileName(fileName).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
        return name.Length == 0 ? "bilag" : name[..Math.Min(name.Length, 80)];
    }
}
