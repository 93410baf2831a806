using System.ComponentModel.DataAnnotations;

namespace Stabsrum.Infrastructure.Email;

public enum EmailMode
{
    /// <summary>No e-mail is sent; reminders wait until e-mail is configured.</summary>
    None,

    /// <summary>Deliver to an SMTP server (<c>Email:Smtp:*</c>).</summary>
    Smtp,

    /// <summary>Write each message as an .eml file to <c>Email:PickupDirectory</c> (development, demos).</summary>
    Pickup,
}

/// <summary>The <c>Email</c> configuration section (documented in README).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailMode Mode { get; set; } = EmailMode.None;

    [Required]
    public string From { get; set; } = "Stabsrum <noreply@stabsrum.local>";

    /// <summary>Relative paths are under the content root.</summary>
    public string PickupDirectory { get; set; } = "data/mail";

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>The address users reach Stabsrum on, for links in e-mails (optional).</summary>
    public string? PublicUrl { get; set; }

    public sealed class SmtpSettings
    {
        public string Host { get; set; } = "localhost";

        [Range(1, 65535)]
        public int Port { get; set; } = 25;

        /// <summary>STARTTLS. On for anything but a relay on the same host.</summary>
        public bool EnableSsl { get; set; }

        public string? UserName { get; set; }

        public string? Password { get; set; }

        [Range(1, 600)]
        public int TimeoutSeconds { get; set; } = 30;
    }
}
