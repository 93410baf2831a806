using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CaseFile;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Meetings;

/// <summary>The case file's chapter of minutes: every approved (or later) minutes version of the incident's meetings.</summary>
internal sealed class MinutesCaseFileSection : ICaseFileSection
{
    public int Order => 80;

    public string Title => "Mødereferater";

    public string PartialViewName => "/Features/Meetings/_CaseFileMinutes.cshtml";

    public string JsonFileName => "referater.json";

    public async Task<CaseFileChapter> LoadAsync(StabsrumDbContext db, CaseFileRequest request, CancellationToken cancellationToken)
    {
        var rows = await (from m in db.Minutes.AsNoTracking()
                          join meeting in db.Meetings.AsNoTracking() on m.MeetingId equals meeting.Id
                          where meeting.IncidentId == request.IncidentId && m.Snapshot != null
                              && (m.Status == MinutesStatus.Godkendt || m.Status == MinutesStatus.Udsendt || m.Status == MinutesStatus.Journaliseret)
                          select new { m.Id, m.Version, m.Snapshot, meeting.StartsAt, m.ApprovedAt, m.CorrectionReason }).ToListAsync(cancellationToken);
        var chapter = rows.OrderBy(r => r.StartsAt).ThenBy(r => r.Version)
            .Select(r => MeetingDocumentModel.Deserialize(r.Snapshot!) with { Version = r.Version, CorrectionReason = r.CorrectionReason })
            .ToList();
        return new CaseFileChapter(chapter);
    }
}
