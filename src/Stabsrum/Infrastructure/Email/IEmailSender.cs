namespace Stabsrum.Infrastructure.Email;

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>One e-mail. Always a plain-text body (read by every client and by screen readers); HTML is optional.</summary>
public sealed record EmailMessage(
    IReadOnlyList<string> To,
    string Subject,
    string TextBody,
    string? HtmlBody = null,
    IReadOnlyList<EmailAttachment>? Attachments = null);

/// <summary>
/// Sends e-mail. Features depend on this, never on SMTP: production uses <see cref="SmtpEmailSender"/>, development
/// writes .eml files (<see cref="PickupDirectoryEmailSender"/>), and with no configuration nothing is sent.
/// </summary>
public interface IEmailSender
{
    /// <summary>False when e-mail is switched off (<c>Email:Mode = None</c>): callers keep their work for later.</summary>
    bool IsConfigured { get; }

    /// <summary>Sends or throws (<see cref="EmailDeliveryException"/>); a returned task means the server accepted it.</summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

public sealed class EmailDeliveryException(string message, Exception? inner = null) : Exception(message, inner);
