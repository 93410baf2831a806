using System.Net.Mail;
using System.Net.Mime;
using System.Text;

namespace Stabsrum.Infrastructure.Email;

/// <summary>Turns an <see cref="EmailMessage"/> into System.Net.Mail's message: text first, HTML as the richer alternative.</summary>
internal static class MailMessages
{
    public static MailMessage Create(EmailMessage message, string from)
    {
        if (message.To.Count == 0)
        {
            throw new EmailDeliveryException("An e-mail needs at least one recipient.");
        }

        var mail = new MailMessage
        {
            From = new MailAddress(from),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            Body = message.TextBody,
            IsBodyHtml = false,
        };
        foreach (var to in message.To)
        {
            mail.To.Add(new MailAddress(to));
        }

        if (message.HtmlBody is { } html)
        {
            mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(html, Encoding.UTF8, MediaTypeNames.Text.Html));
        }

        foreach (var attachment in message.Attachments ?? [])
        {
            // The stream is owned by the attachment and disposed with the message.
            mail.Attachments.Add(new Attachment(new MemoryStream(attachment.Content), attachment.FileName, attachment.ContentType));
        }

        return mail;
    }
}
