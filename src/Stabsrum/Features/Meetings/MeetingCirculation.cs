using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Email;
using Stabsrum.Infrastructure.Pdf;
using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Features.Meetings;

/// <summary>What happened to the e-mails of a publish, cancellation or distribution.</summary>
public sealed record CirculationReport(int Recipients, bool Sent, string? Problem);

/// <summary>
/// Sends agendas (DOCX + PDF + invitation + link), cancellations and approved minutes by e-mail. Called after the
/// change is committed: a failed e-mail never undoes a publish; the report says what went wrong.
/// </summary>
public sealed class MeetingCirculation(
    StabsrumDbContext db, IEmailSender email, IPdfRenderer pdf, IWebHostEnvironment env, TimeProvider time,
    IOptions<EmailOptions> options, ILogger<MeetingCirculation> logger)
{
    public async Task<CirculationReport> SendAgendaAsync(Meeting meeting, MeetingDocumentModel doc, CancellationToken ct)
    {
        var people = await db.BodyPeople.AsNoTracking().Where(p => p.BodyId == meeting.BodyId && p.IsMember).OrderBy(p => p.SortOrder).ToListAsync(ct);
        var link = Link($"/moeder/{meeting.Id}");
        var subject = doc.IsSupplement ? $"Tillæg til dagsorden: {doc.BodyName} {Date(meeting)}" : $"Dagsorden: {doc.BodyName} {Date(meeting)}";
        var text = $"{doc.Heading}\n{meeting.Title}, {DanishTime.Format(meeting.StartsAt)}\n\n"
            + (doc.IsSupplement ? "Ændringer:\n" + doc.Changes + "\n\n" : "")
            + string.Join("\n", doc.Items.Select(i => $"Punkt {i.Number}: {i.Title} ({i.TypeLabel})"))
            + (link is null ? "" : "\n\nSe dagsordenen i Stabsrum: " + link);
        var attachments = new List<EmailAttachment>
        {
            new($"{FileStem(doc)}.docx", MeetingDocx.ContentType, MeetingDocx.Write(doc)),
        };
        var pdfProblem = await AddPdfAsync(attachments, doc, ct);
        var ics = MeetingInvitation.Write(meeting, doc.BodyName, doc.BodyName, people, time.GetUtcNow(), link);
        attachments.Add(new EmailAttachment("invitation.ics", MeetingInvitation.ContentType, System.Text.Encoding.UTF8.GetBytes(ics)));
        return await SendAsync(people.Select(p => p.Email).ToList(), subject, text, attachments, pdfProblem, ct);
    }

    public async Task<CirculationReport> SendCancellationAsync(Meeting meeting, string bodyName, CancellationToken ct)
    {
        var people = await db.BodyPeople.AsNoTracking().Where(p => p.BodyId == meeting.BodyId && p.IsMember).OrderBy(p => p.SortOrder).ToListAsync(ct);
        var ics = MeetingInvitation.Write(meeting, bodyName, bodyName, people, time.GetUtcNow(), null);
        var text = $"Mødet {meeting.Title} ({bodyName}) {DanishTime.Format(meeting.StartsAt)} er aflyst.\n\nBegrundelse: {meeting.CancelReason}";
        return await SendAsync(people.Select(p => p.Email).ToList(), $"Aflyst: {bodyName} {Date(meeting)}", text,
            [new EmailAttachment("aflysning.ics", "text/calendar; method=CANCEL; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(ics))], null, ct);
    }

    public async Task<CirculationReport> SendMinutesAsync(Meeting meeting, MeetingDocumentModel doc, CancellationToken ct)
    {
        var people = await db.BodyPeople.AsNoTracking().Where(p => p.BodyId == meeting.BodyId && (p.IsMember || p.IsOnDistribution)).OrderBy(p => p.SortOrder).ToListAsync(ct);
        var link = Link($"/moeder/{meeting.Id}");
        var attachments = new List<EmailAttachment> { new($"{FileStem(doc)}.docx", MeetingDocx.ContentType, MeetingDocx.Write(doc)) };
        var pdfProblem = await AddPdfAsync(attachments, doc, ct);
        var text = $"{doc.Heading}\n{meeting.Title}, {DanishTime.Format(meeting.StartsAt)}\n\nReferatet er godkendt og sendes til orientering."
            + (link is null ? "" : "\n\nSe referatet i Stabsrum: " + link);
        return await SendAsync(people.Select(p => p.Email).Distinct().ToList(), $"Referat: {doc.BodyName} {Date(meeting)}", text, attachments, pdfProblem, ct);
    }

    private async Task<string?> AddPdfAsync(List<EmailAttachment> attachments, MeetingDocumentModel doc, CancellationToken ct)
    {
        try
        {
            var html = PrintView.InlineStylesheets(MeetingHtml.Write(doc), env.WebRootFileProvider, DanishTime.Format(time.GetUtcNow()));
            attachments.Add(new EmailAttachment($"{FileStem(doc)}.pdf", "application/pdf", await pdf.RenderAsync(html, ct)));
            return null;
        }
        catch (PdfUnavailableException e)
        {
            logger.LogWarning(e, "Meeting document sent without PDF");
            return e.Message;
        }
    }

    private async Task<CirculationReport> SendAsync(List<string> to, string subject, string text, IReadOnlyList<EmailAttachment> attachments, string? pdfProblem, CancellationToken ct)
    {
        if (to.Count == 0)
        {
            return new CirculationReport(0, false, "Organet har ingen modtagere med e-mailadresse.");
        }

        if (!email.IsConfigured)
        {
            return new CirculationReport(to.Count, false, "E-mail er ikke sat op på serveren; intet er sendt.");
        }

        try
        {
            await email.SendAsync(new EmailMessage(to, subject, text, null, attachments), ct);
            return new CirculationReport(to.Count, true, pdfProblem);
        }
        catch (EmailDeliveryException e)
        {
            logger.LogWarning(e, "Meeting e-mail failed");
            return new CirculationReport(to.Count, false, "E-mailen kunne ikke sendes: " + e.Message);
        }
    }

    private string? Link(string path) => options.Value.PublicUrl is { Length: > 0 } url ? url.TrimEnd('/') + path : null;

    private static string Date(Meeting meeting) => DanishTime.ToLocal(meeting.StartsAt).ToString("dd-MM-yyyy", DanishTime.Culture);

    internal static string FileStem(MeetingDocumentModel doc) =>
        (doc.IsMinutes ? "referat" : doc.IsSupplement ? $"tillaeg-{doc.Version - 1}" : "dagsorden") + "-" + DanishTime.ToLocal(doc.StartsAt).ToString("yyyy-MM-dd", DanishTime.Culture);
}
