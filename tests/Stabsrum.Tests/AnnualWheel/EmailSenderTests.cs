using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Stabsrum.Infrastructure.Email;

namespace Stabsrum.Tests.AnnualWheel;

public sealed class EmailSenderTests
{
    [Fact]
    public async Task The_pickup_sender_writes_an_eml_file_with_text_html_and_attachment()
    {
        var folder = Path.Combine(Path.GetTempPath(), "stabsrum-mail-" + Guid.NewGuid().ToString("N"));
        var options = Options.Create(new EmailOptions { Mode = EmailMode.Pickup, PickupDirectory = folder });
        var sender = new PickupDirectoryEmailSender(options, new FakeEnvironment());
        try
        {
            await sender.SendAsync(
                new EmailMessage(["modtager@kommune.dk"], "Beredskabsmappe", "Se vedhæftet.", "<p>Se vedhæftet.</p>", [new EmailAttachment("mappe.pdf", "application/pdf", "%PDF-1.4"u8.ToArray())]),
                CancellationToken.None);

            var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
            var eml = await File.ReadAllTextAsync(file);
            Assert.Contains("To: modtager@kommune.dk", eml, StringComparison.Ordinal);
            Assert.Contains("text/html", eml, StringComparison.Ordinal);
            Assert.Contains("mappe.pdf", eml, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task The_disabled_sender_says_so_and_refuses()
    {
        var sender = new DisabledEmailSender();

        Assert.False(sender.IsConfigured);
        await Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendAsync(new EmailMessage(["a@b.dk"], "x", "y"), CancellationToken.None));
    }

    private sealed class FakeEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "Stabsrum";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
