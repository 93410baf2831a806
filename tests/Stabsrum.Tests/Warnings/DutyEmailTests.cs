using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stabsrum.Features.Warnings;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.AnnualWheel;

namespace Stabsrum.Tests.Warnings;

/// <summary>The duty outbox reaches the duty person by real SMTP, once, and survives a restart of the sender.</summary>
public sealed class DutyEmailTests(SmtpFactory app) : IClassFixture<SmtpFactory>
{
    [Fact]
    public async Task A_relevant_warning_is_mailed_to_the_duty_person_once_even_across_a_restart()
    {
        var org = await app.CreateOrganisationAsync();
        var api = await app.CreateApiClientAsync(await app.CreateUserAsync(org, OrganisationRole.Planlaegger), org);
        using (var duty = await api.PutAsJsonAsync("/api/v1/warnings/settings", new { dutyEmail = "vagt@vallensbaek.dk" }))
        {
            Assert.Equal(HttpStatusCode.OK, duty.StatusCode);
        }

        // A manual warning is relevant by definition, so it goes to the duty person.
        using (var warning = await api.PostAsJsonAsync("/api/v1/warnings", new { source = "Politiet", text = "Gasudslip på Vallensbæk Torv", receivedAt = app.Clock.GetUtcNow() }))
        {
            Assert.Equal(HttpStatusCode.Created, warning.StatusCode);
        }

        var sender = app.Services.GetRequiredService<WarningNotificationSender>();
        await sender.RunOnceAsync(CancellationToken.None);
        var mail = await app.Smtp.WaitForMessageAsync(1);

        Assert.Equal(["vagt@vallensbaek.dk"], mail.To);
        var sent = await app.WithDbAsync(org.Id, (db, _) => db.WarningNotifications.SingleAsync());
        Assert.Contains($"https://stabsrum.example/haendelser/varsler/{sent.WarningId}", WarningNotificationSender.Compose(sent, "https://stabsrum.example/").TextBody, StringComparison.Ordinal);
        Assert.NotNull(sent.SentAt);
        Assert.Equal(1, sent.Attempts);

        // A restart of the sender (or another run) finds nothing pending: no second mail.
        await sender.StopAsync(CancellationToken.None);
        await sender.StartAsync(CancellationToken.None);
        await sender.RunOnceAsync(CancellationToken.None);
        Assert.Single(app.Smtp.Messages, m => m.To.Contains("vagt@vallensbaek.dk"));
    }
}
