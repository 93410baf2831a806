using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Meetings;

/// <summary>Reads for the API and the pages; the context's filter scopes everything to the current organisation.</summary>
public sealed class MeetingQueries(StabsrumDbContext db)
{
    public async Task<BodyDto?> BodyAsync(Guid id, CancellationToken ct)
    {
        var body = await db.MeetingBodies.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
        if (body is null)
        {
            return null;
        }

        var people = await db.BodyPeople.AsNoTracking().Where(p => p.BodyId == id).OrderBy(p => p.SortOrder).ToListAsync(ct);
        return new BodyDto(body.Id, body.Name, body.Description, people.Select(p => new BodyPersonDto(p.Id, p.Name, p.Email, p.Title, p.IsMember, p.IsChair, p.IsAgendaOwner, p.IsSubstituteOwner, p.IsApprover, p.IsOnDistribution)).ToList());
    }

    public async Task<List<BodyDto>> BodiesAsync(CancellationToken ct)
    {
        var ids = await db.MeetingBodies.AsNoTracking().OrderBy(b => b.Name).Select(b => b.Id).ToListAsync(ct);
        var result = new List<BodyDto>();
        foreach (var id in ids)
        {
            result.Add((await BodyAsync(id, ct))!);
        }

        return result;
    }

    public async Task<List<MeetingSummaryDto>> MeetingsAsync(Guid? bodyId, Guid? incidentId, CancellationToken ct)
    {
        var query = from m in db.Meetings.AsNoTracking()
                    join b in db.MeetingBodies.AsNoTracking() on m.BodyId equals b.Id
                    select new { m, b.Name };
        if (bodyId is { } body)
        {
            query = query.Where(x => x.m.BodyId == body);
        }

        if (incidentId is { } incident)
        {
            query = query.Where(x => x.m.IncidentId == incident);
        }

        var rows = await query.OrderByDescending(x => x.m.StartsAt).Take(500).ToListAsync(ct);
        return rows.Select(x => new MeetingSummaryDto(x.m.Id, x.m.BodyId, x.Name, x.m.Title, x.m.StartsAt, x.m.EndsAt, x.m.Mode.ToString(), x.m.Status.ToString(), x.m.AgendaVersion, x.m.IncidentId)).ToList();
    }

    public async Task<MeetingDto?> MeetingAsync(Guid id, CancellationToken ct)
    {
        var m = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (m is null)
        {
            return null;
        }

        var bodyName = await db.MeetingBodies.AsNoTracking().Where(b => b.Id == m.BodyId).Select(b => b.Name).SingleAsync(ct);
        var items = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == id).ToListAsync(ct);
        var itemIds = items.Select(i => i.Id).ToList();
        var files = (await db.AgendaAttachments.AsNoTracking().Where(a => itemIds.Contains(a.ItemId))
            .Select(a => new { a.ItemId, a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.AddedAt }).ToListAsync(ct))
            .OrderBy(a => a.AddedAt).ToLookup(a => a.ItemId, a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256));
        var actions = (await db.DecisionActions.AsNoTracking().Where(a => itemIds.Contains(a.ItemId)).ToListAsync(ct))
            .OrderBy(a => a.SortOrder).ToLookup(a => a.ItemId, a => new ActionDto(a.Id, a.Text, a.OwnerName, a.Deadline, a.TaskId));
        var versions = await db.AgendaVersions.AsNoTracking().Where(v => v.MeetingId == id).OrderBy(v => v.Version)
            .Select(v => new VersionDto(v.Version, v.IsSupplement, v.Changes, v.PublishedAt, v.PublishedBy)).ToListAsync(ct);
        var attendance = (await db.MeetingAttendances.AsNoTracking().Where(a => a.MeetingId == id).ToListAsync(ct))
            .OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => new AttendanceDto(a.Name, a.Present, a.Note)).ToList();
        var status = await db.UnitStatusReports.AsNoTracking().Where(r => r.MeetingId == id).OrderBy(r => r.SortOrder).Select(r => new StatusDto(r.Unit, r.Text)).ToListAsync(ct);
        var minutes = await db.Minutes.AsNoTracking().Where(x => x.MeetingId == id).OrderBy(x => x.Version).ToListAsync(ct);
        var minuteIds = minutes.Select(x => x.Id).ToList();
        var approvals = (await db.MinutesApprovals.AsNoTracking().Where(a => minuteIds.Contains(a.MinutesId)).ToListAsync(ct))
            .OrderBy(a => a.ApproverName, StringComparer.Ordinal).ToLookup(a => a.MinutesId, a => new ApprovalDto(a.ApproverName, a.ApproverEmail, a.Status.ToString(), a.Comment, a.RespondedAt, a.RespondedBy));

        var ordered = items.OrderBy(i => i.Number is null ? 1 : 0).ThenBy(i => i.Number).ThenBy(i => i.ProposedAt);
        return new MeetingDto(
            m.Id, m.BodyId, bodyName, m.IncidentId, m.Title, m.StartsAt, m.EndsAt, m.Mode.ToString(), m.Place, m.VirtualLink, m.Status.ToString(),
            m.AgendaVersion, m.InvitationSequence, m.CancelReason,
            ordered.Select(i => new ItemDto(i.Id, i.Status.ToString(), i.Number, i.Title, i.Type.ToString(), i.Kind.ToString(), i.ProposedBy, i.JournalNumber,
                i.Resume, i.Indstilling, i.Decision, i.Sagsfremstilling, i.OekonomiskeKonsekvenser, i.DecisionDeadline, i.PublishedInVersion, i.Notes,
                i.DecidedAt, i.LogEntryId, files[i.Id].ToList(), actions[i.Id].ToList())).ToList(),
            versions, attendance, status,
            minutes.Select(x => new MinutesDto(x.Id, x.Version, x.Status.ToString(), x.CorrectionReason, x.SentForApprovalAt, x.ApprovedAt, x.DistributedAt, x.FiledAt, x.FiledReference, approvals[x.Id].ToList())).ToList());
    }
}
