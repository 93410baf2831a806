using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Stabsrum.Infrastructure.Email;

/// <summary>Delivers through an SMTP server with System.Net.Mail (STARTTLS and login when configured).</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public bool IsConfigured => true;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var mail = MailMessages.Create(message, o.From);
        using var client = new SmtpClient(o.Smtp.Host, o.Smtp.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = o.Smtp.EnableSsl,
            Timeout = o.Smtp.TimeoutSeconds * 1000,
        };
        if (!string.IsNullOrEmpty(o.Smtp.UserName))
        {
            client.Credentials = new NetworkCredential(o.Smtp.UserName, o.Smtp.Password);
        }

        try
        {
            await client.SendMailAsync(mail, cancellationToken);
        }
        catch (SmtpException e)
        {
            throw new EmailDeliveryException($"SMTP delivery to {o.Smtp.Host}:{o.Smtp.Port} failed: {e.Message}", e);
        }
    }
}
