using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Stabsrum.Infrastructure.Email;

/// <summary>Writes each message as an .eml file (open it in any mail client). For development and demos: nothing leaves the machine.</summary>
public sealed class PickupDirectoryEmailSender(IOptions<EmailOptions> options, IHostEnvironment environment) : IEmailSender
{
    public bool IsConfigured => true;

    public string Directory => Path.GetFullPath(options.Value.PickupDirectory, environment.ContentRootPath);

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        using var mail = MailMessages.Create(message, options.Value.From);
        using var client = new SmtpClient
        {
            DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
            PickupDirectoryLocation = Directory,
        };
        await client.SendMailAsync(mail, cancellationToken);
    }
}

/// <summary>E-mail switched off.</summary>
public sealed class DisabledEmailSender : IEmailSender
{
    public bool IsConfigured => false;

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
        throw new EmailDeliveryException("E-mail is not configured (Email:Mode is None).");
}
