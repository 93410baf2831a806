using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Meetings;

/// <summary>Builds the document model of a meeting's agenda or minutes from the current state of the tables.</summary>
public sealed class MeetingDocuments(StabsrumDbContext db)
{
    public async Task<MeetingDocumentModel?> BuildAsync(Guid meetingId, bool minutes, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return null;
        }

        var body = await db.MeetingBodies.AsNoTracking().Where(b => b.Id == meeting.BodyId).Select(b => b.Name).SingleAsync(ct);
        var items = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == meetingId && i.Status == AgendaItemStatus.Optaget)
            .OrderBy(i => i.Number).ToListAsync(ct);
        var ids = items.Select(i => i.Id).ToList();
        var files = (await db.AgendaAttachments.AsNoTracking().Where(a => ids.Contains(a.ItemId)).Select(a => new { a.ItemId, a.FileName, a.AddedAt }).ToListAsync(ct))
            .OrderBy(a => a.AddedAt).ThenBy(a => a.FileName, StringComparer.Ordinal).ToLookup(a => a.ItemId, a => a.FileName);
        var actions = (await db.DecisionActions.AsNoTracking().Where(a => ids.Contains(a.ItemId)).ToListAsync(ct))
            .OrderBy(a => a.SortOrder).ToLookup(a => a.ItemId, a => new ActionLine(a.Text, a.OwnerName, a.Deadline));
        var attendance = await db.MeetingAttendances.AsNoTracking().Where(a => a.MeetingId == meetingId).ToListAsync(ct);
        var status = await db.UnitStatusReports.AsNoTracking().Where(r => r.MeetingId == meetingId).OrderBy(r => r.SortOrder)
            .Select(r => new StatusLine(r.Unit, r.Text)).ToListAsync(ct);

        return new MeetingDocumentModel(
            minutes,
            body,
            meeting.Title,
            meeting.StartsAt,
            meeting.EndsAt,
            meeting.Mode.ToString(),
            meeting.Place,
            meeting.VirtualLink,
            minutes ? 1 : meeting.AgendaVersion,
            !minutes && meeting.AgendaVersion > 1,
            null,
            attendance.Where(a => a.Present).Select(a => a.Name).Order(StringComparer.Ordinal).ToList(),
            attendance.Where(a => !a.Present).Select(a => a.Name).Order(StringComparer.Ordinal).ToList(),
            minutes ? status : [],
            items.Select(i => new ItemDocument(
                i.Id, i.Number ?? 0, i.Title, i.Type.ToString(), i.Kind.ToString(), i.ProposedBy, i.JournalNumber, i.Resume, i.Indstilling,
                minutes ? i.Decision : null, i.Sagsfremstilling, i.OekonomiskeKonsekvenser, files[i.Id].ToList(), i.DecisionDeadline,
                minutes ? i.Notes : null, minutes ? actions[i.Id].ToList() : [], i.PublishedInVersion)).ToList(),
            [],
            null);
    }

    /// <summary>The minutes of one version: the frozen snapshot once sent for approval (with the approvals so far), else the live draft.</summary>
    public async Task<MeetingDocumentModel?> MinutesAsync(Minutes minutes, CancellationToken ct)
    {
        var model = minutes.Snapshot is { } json ? MeetingDocumentModel.Deserialize(json) : await BuildAsync(minutes.MeetingId, true, ct);
        if (model is null)
        {
            return null;
        }

        var approvals = await db.MinutesApprovals.AsNoTracking().Where(a => a.MinutesId == minutes.Id).OrderBy(a => a.ApproverName)
            .Select(a => new ApprovalLine(a.ApproverName, a.Status.ToString(), a.RespondedAt, a.Comment)).ToListAsync(ct);
        return model with { Version = minutes.Version, CorrectionReason = minutes.CorrectionReason, Approvals = approvals };
    }

    /// <summary>A published agenda version exactly as it went out.</summary>
    public async Task<MeetingDocumentModel?> AgendaAsync(Guid meetingId, int? version, CancellationToken ct)
    {
        var query = db.AgendaVersions.AsNoTracking().Where(v => v.MeetingId == meetingId);
        var found = version is { } v ? await query.SingleOrDefaultAsync(x => x.Version == v, ct) : await query.OrderByDescending(x => x.Version).FirstOrDefaultAsync(ct);
        return found is null ? await BuildAsync(meetingId, false, ct) : MeetingDocumentModel.Deserialize(found.Snapshot);
    }
}
