using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stabsrum.Features.AnnualWheel;
using Stabsrum.Features.Plans;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.AnnualWheel;

/// <summary>The app configured to deliver e-mail to a loopback SMTP server the test controls.</summary>
public sealed class SmtpFactory : StabsrumFactory
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
        builder.UseSetting("Email:Reminders:IntervalSeconds", "60");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed class ReminderTests(SmtpFactory app) : IClassFixture<SmtpFactory>
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_reminder_arrives_once_by_SMTP_and_not_again_after_a_restart()
    {
        var org = await app.CreateOrganisationAsync();
        var api = await app.CreateApiClientAsync(await app.CreateUserAsync(org, OrganisationRole.Planlaegger), org);
        var today = app.Clock.Today();
        var title = $"Introduktion af nye ledere {Guid.NewGuid():N}";
        using (var created = await api.PostAsJsonAsync("/api/v1/annual-wheel/obligations", new
        {
            title,
            kind = "IntroductionOfNewManagers",
            owner = "HR",
            dueOn = Iso(today.AddDays(10)),
            reminderDaysBefore = 14,
            reminderEmail = "hr-chef@kommune.dk",
        }))
        {
            Assert.True(created.IsSuccessStatusCode);
        }

        var job = app.Services.GetRequiredService<ReminderJob>();
        var runs = job.CompletedRuns;
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        var mail = await app.Smtp.WaitForMessageAsync(1);

        Assert.Equal(["hr-chef@kommune.dk"], mail.To);
        Assert.Contains("Content-Type: multipart/alternative", mail.Data, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Subject:", mail.Data, StringComparison.Ordinal);
        // The server has the message before the job has recorded it as sent: wait for the record.
        var delivery = await app.WithDbAsync(org.Id, (db, _) => db.ReminderDeliveries.AsNoTracking().SingleAsync());
        for (var i = 0; i < 400 && delivery.SentAt is null; i++)
        {
            await Task.Delay(50);
            delivery = await app.WithDbAsync(org.Id, (db, _) => db.ReminderDeliveries.AsNoTracking().SingleAsync());
        }

        Assert.NotNull(delivery.SentAt);
        Assert.Equal(1, delivery.Attempts);

        // Simulated restart: stop the job and start it again. It runs at once on start, then on the next tick.
        await WaitForRunAsync(job, runs + 1);
        await job.StopAsync(CancellationToken.None);
        await job.StartAsync(CancellationToken.None);
        runs = job.CompletedRuns;
        await WaitForRunAsync(job, runs + 1);
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        await WaitForRunAsync(job, runs + 2);

        Assert.Single(app.Smtp.Messages);
        Assert.Equal(1, await app.WithDbAsync(org.Id, (db, _) => db.ReminderDeliveries.CountAsync()));
    }

    [Fact]
    public void The_reminder_text_names_the_obligation_due_date_owner_and_link()
    {
        var obligation = new Obligation { Title = "Øvelse: Hovedberedskabsplan", Kind = ObligationKind.Exercise, Owner = "Beredskabschef", DueOn = new DateOnly(2027, 3, 1), SourcePlanId = Guid.Empty };
        var message = ReminderJob.Compose(obligation, new ReminderDelivery { Recipient = "a@b.dk", DueOn = obligation.DueOn }, "Vallensbæk Kommune", "https://stabsrum.example/");

        Assert.Equal("Påmindelse: Øvelse: Hovedberedskabsplan – frist 01-03-2027", message.Subject);
        Assert.Contains("Ansvarlig: Beredskabschef", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://stabsrum.example/beredskab/planer/", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Vallensbæk Kommune", System.Net.WebUtility.HtmlDecode(message.HtmlBody), StringComparison.Ordinal);
    }

    private static async Task WaitForRunAsync(ReminderJob job, int runs)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (job.CompletedRuns < runs)
        {
            Assert.True(DateTime.UtcNow < deadline, "The reminder job did not run.");
            await Task.Delay(25);
        }
    }
}
