using Microsoft.AspNetCore.Hosting;
using Stabsrum.Tests.AnnualWheel;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Meetings;

/// <summary>The app with e-mail to a loopback SMTP listener (tasks come from the real Tasks feature).</summary>
public sealed class MeetingsFactory : StabsrumFactory
{
    public LoopbackSmtpServer Smtp { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Email:Mode", "Smtp");
        builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Email:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Email:Smtp:TimeoutSeconds", "10");
        builder.UseSetting("Email:PublicUrl", "https://stabsrum.example");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
