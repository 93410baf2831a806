using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CaseFile;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Pdf;
using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Features.Meetings;

/// <summary>The case file's chapter of minutes: every approved (or later) minutes version of the incident's meetings.</summary>
internal sealed class MinutesCaseFileSection : ICaseFileSection, ICaseFilePdfChapter
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

    /// <summary>Same text as <c>_CaseFileMinutes.cshtml</c>: per minutes its heading, who was present, and each item's fields and follow-ups.</summary>
    public void WritePdf(PdfFlow pdf, object data)
    {
        var minutes = (List<MeetingDocumentModel>)data;
        if (minutes.Count == 0)
        {
            pdf.Paragraph("Ingen godkendte referater.");
        }

        foreach (var doc in minutes)
        {
            pdf.Heading($"{doc.BodyName}: {doc.Title}, {DanishTime.Format(doc.StartsAt)} (referat version {doc.Version})", CaseFilePdf.Sub);
            if (!string.IsNullOrEmpty(doc.CorrectionReason))
            {
                pdf.Paragraph("Rettelse: " + doc.CorrectionReason);
            }

            pdf.Paragraph("Til stede: " + (doc.Present.Count == 0 ? "–" : string.Join(", ", doc.Present)));
            foreach (var item in doc.Items)
            {
                pdf.Heading($"Punkt {item.Number}: {item.Title}", CaseFilePdf.Minor);
                foreach (var (heading, text) in item.Sections(true))
                {
                    pdf.Paragraph(new PdfParagraph([new PdfSpan(heading + ":", Bold: true), new PdfSpan(" " + text)]));
                }

                foreach (var a in item.Actions)
                {
                    pdf.Paragraph($"Opfølgning: {a.Text} – {a.OwnerName}{(a.Deadline is { } d ? ", frist " + d.ToString("d. MMMM yyyy", DanishTime.Culture) : "")}");
                }
            }
        }
    }
}
