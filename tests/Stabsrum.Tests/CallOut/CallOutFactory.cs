using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Stabsrum.Features.CallOut;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.CallOut;

/// <summary>
/// The app with the real <see cref="HttpSmsGateway"/> posting over HTTP to the fake gateway endpoint inside the same
/// test server, and the escalation loop off: tests drive it with <see cref="CallOutJob.RunOnceAsync"/> and the fake clock.
/// </summary>
public sealed class CallOutFactory : StabsrumFactory
{
    public const string GatewayAuth = "Token test-gateway";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("CallOut:EscalationEnabled", "false");
        builder.UseSetting("CallOut:PublicUrl", "http://localhost");
        builder.UseSetting("CallOut:Sms:Url", "http://localhost" + FakeSmsGatewayEndpoint.Path);
        builder.UseSetting("CallOut:Sms:AuthHeaderValue", GatewayAuth);
    }

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddHttpClient(HttpSmsGateway.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => ((TestServer)sp.GetRequiredService<IServer>()).CreateHandler());

    public FakeSmsInbox Inbox => Services.GetRequiredService<FakeSmsInbox>();

    public Task RunJobAsync() => Services.GetRequiredService<CallOutJob>().RunOnceAsync(CancellationToken.None);
}
