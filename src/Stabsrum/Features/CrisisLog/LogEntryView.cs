using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Organisations;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.CrisisLog;

public sealed record AttachmentDto(Guid Id, string FileName, string ContentType, long Size, string Sha256);

/// <summary>
/// An entry as a reader may see it. For a reader without clearance a fortrolig entry keeps its shape (kind, times,
/// author) but every field that carries content is null and <see cref="Redacted"/> is true.
/// </summary>
public sealed record LogEntryDto(
    Guid Id, Guid IncidentId, long Sequence, string Kind, string KindName, string? Text, bool Redacted,
    string? DecidedBy, string? Rationale, string? Recipient, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt,
    bool Significant, string Classification, Guid? CorrectsEntryId, IReadOnlyList<Guid> CorrectedBy, Guid? AcknowledgesEntryId,
    string Subject, string? HandoverOpen, string? HandoverWatch, Guid? AuthorUserId, string AuthorName, string Hash,
    IReadOnlyList<AttachmentDto> Attachments);

public sealed record IncidentStateDto(int Level, string LevelName, string Phase, string PhaseName, string Status, bool IsExercise);

public sealed record StaffRoleDto(Guid Id, string RoleName, DateTimeOffset AssumedAt, DateTimeOffset? RenouncedAt);

public sealed record StaffMemberDto(Guid Id, Guid? UserId, string Name, DateTimeOffset JoinedAt, DateTimeOffset? LeftAt, IReadOnlyList<StaffRoleDto> Roles);

/// <summary>One event on an incident's live stream: the new entry, and the incident's state after it.</summary>
public sealed record IncidentEventDto(LogEntryDto Entry, IncidentStateDto Incident, IReadOnlyList<StaffMemberDto>? Staff);

public static class LogEntryView
{
    public static string KindName(LogEntryKind kind) => kind switch
    {
        LogEntryKind.Information => "Information",
        LogEntryKind.Beslutning => "Beslutning",
        LogEntryKind.Handling => "Handling",
        LogEntryKind.Ordre => "Ordre",
        LogEntryKind.MeldingInd => "Melding ind",
        LogEntryKind.MeldingUd => "Melding ud",
        LogEntryKind.PresseMedier => "Presse/medier",
        LogEntryKind.Vagtskifte => "Vagtskifte",
        _ => kind.ToString(),
    };

    public static string PhaseName(StaffPhase phase) => phase switch
    {
        StaffPhase.Rammesaettende => "Rammesættende",
        StaffPhase.Operationel => "Operationel",
        StaffPhase.Afviklet => "Afviklet",
        _ => phase.ToString(),
    };

    public static string StatusName(IncidentStatus status) => status == IncidentStatus.Aktiv ? "Aktiv" : "Afsluttet";

    public static bool Hidden(CrisisLogEntry e, bool cleared) => e.Classification == LogClassification.Fortrolig && !cleared;

    public static LogEntryDto ToDto(CrisisLogEntry e, bool cleared, IReadOnlyList<Guid> correctedBy, IReadOnlyList<AttachmentDto> attachments)
    {
        var hidden = Hidden(e, cleared);
        return new LogEntryDto(
            e.Id, e.IncidentId, e.Sequence, e.Kind.ToString(), KindName(e.Kind), hidden ? null : e.Text, hidden,
            hidden ? null : e.DecidedBy, hidden ? null : e.Rationale, hidden ? null : e.Recipient, e.OccurredAt, e.RecordedAt,
            e.Significant, e.Classification.ToString(), e.CorrectsEntryId, correctedBy, e.AcknowledgesEntryId,
            e.Subject.ToString(), hidden ? null : e.HandoverOpen, hidden ? null : e.HandoverWatch, e.AuthorUserId, e.AuthorName, e.Hash,
            hidden ? [] : attachments);
    }

    public static IncidentStateDto State(Incident i, Organisation org) =>
        new(i.Level, org.LevelName(i.Level), i.Phase.ToString(), PhaseName(i.Phase), i.Status.ToString(), i.IsExercise);

    /// <summary>Entries with their corrections and attachment metadata, in two queries besides the entries' own.</summary>
    public static async Task<List<LogEntryDto>> ToDtosAsync(StabsrumDbContext db, List<CrisisLogEntry> entries, bool cleared, CancellationToken ct)
    {
        var ids = entries.Select(e => e.Id).ToList();
        var incidentIds = entries.Select(e => e.IncidentId).Distinct().ToList();
        var corrections = await db.CrisisLogEntries.AsNoTracking()
            .Where(c => incidentIds.Contains(c.IncidentId) && c.CorrectsEntryId != null && ids.Contains(c.CorrectsEntryId!.Value))
            .Select(c => new { c.Id, Corrects = c.CorrectsEntryId!.Value }).ToListAsync(ct);
        var attachments = await db.CrisisLogAttachments.AsNoTracking().Where(a => ids.Contains(a.EntryId))
            .Select(a => new { a.EntryId, Dto = new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256) }).ToListAsync(ct);
        var correctedBy = corrections.ToLookup(c => c.Corrects, c => c.Id);
        var files = attachments.ToLookup(a => a.EntryId, a => a.Dto);
        return entries.Select(e => ToDto(e, cleared, correctedBy[e.Id].ToList(), files[e.Id].ToList())).ToList();
    }

    public static async Task<List<StaffMemberDto>> StaffAsync(StabsrumDbContext db, Guid incidentId, CancellationToken ct)
    {
        var members = await db.StaffMembers.AsNoTracking().Where(m => m.IncidentId == incidentId).OrderBy(m => m.JoinedAt).ToListAsync(ct);
        var roles = await db.StaffRoleAssignments.AsNoTracking().Where(r => r.IncidentId == incidentId).OrderBy(r => r.AssumedAt).ToListAsync(ct);
        var byMember = roles.ToLookup(r => r.StaffMemberId);
        return members.Select(m => new StaffMemberDto(m.Id, m.UserId, m.Name, m.JoinedAt, m.LeftAt,
            byMember[m.Id].Select(r => new StaffRoleDto(r.Id, r.RoleName, r.AssumedAt, r.RenouncedAt)).ToList())).ToList();
    }
}
