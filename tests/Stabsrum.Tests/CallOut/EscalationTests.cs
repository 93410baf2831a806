using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Stabsrum.Features.CallOut;
using Stabsrum.Features.Registry;
using Stabsrum.Infrastructure.Email;
using Stabsrum.Tests.CrisisLog;
using static Stabsrum.Tests.CallOut.CallOutSteps;

namespace Stabsrum.Tests.CallOut;

/// <summary>Escalation driven by the fake clock and explicit job runs; messages go through the real HTTP gateway to the fake endpoint.</summary>
public sealed class EscalationTests(CallOutFactory app) : IClassFixture<CallOutFactory>
{
    [Fact]
    public async Task Stop_at_first_contact_tries_person_then_substitute_then_next_person_and_stops_at_the_first_yes()
    {
        var o = await SetUpAsync(app, "Chef", "Souschef", "Borgmester", "Direktør");
        await SubstituteAsync(app, o, "Chef", "Souschef");
        var list = await ListAsync(app, o, AlarmMode.StopAtFirstContact, ["Chef", "Borgmester", "Direktør"]);
        var incident = await CrisisLogSteps.CreateIncidentAsync(o.Api, "Storm");

        var id = await StartAsync(app, o, new { id = Id(), incidentId = incident, message = "Aktivering", alarmListIds = new[] { list }, channels = SmsOnly, answerTimeoutMinutes = 10 });
        Assert.Equal(["Chef"], SmsTo(app, o));

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await app.RunJobAsync();
        Assert.Equal(["Chef"], SmsTo(app, o)); // still within the answer deadline

        app.Clock.Advance(TimeSpan.FromMinutes(6));
        await app.RunJobAsync();
        Assert.Equal(["Chef", "Souschef"], SmsTo(app, o));

        await AnswerAsync(app, o, id, "Souschef", AnswerResponse.KanIkke);
        await app.RunJobAsync();
        Assert.Equal(["Chef", "Souschef", "Borgmester"], SmsTo(app, o));

        await AnswerAsync(app, o, id, "Borgmester", AnswerResponse.Kommer, 20);
        await app.RunJobAsync();
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.RunJobAsync();
        Assert.Equal(["Chef", "Souschef", "Borgmester"], SmsTo(app, o)); // Direktør never called

        var status = await StatusAsync(o, id);
        Assert.Equal(CallOutStatus.Completed, status.Status);
        Assert.Equal(TargetState.Satisfied, Assert.Single(status.Targets).State);
        var borgmester = status.Recipients.Single(r => r.Name == "Borgmester");
        Assert.Equal(20, borgmester.EtaMinutes);
        Assert.Equal(borgmester.AnsweredAt!.Value.AddMinutes(20), borgmester.ArrivesAt);

        var log = await CrisisLogSteps.LogAsync(o.Api, incident);
        var texts = log.Select(e => e.GetProperty("text").GetString()!).ToList();
        Assert.Contains(texts, t => t.StartsWith("Alarmering startet", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("eskalerer til Souschef (stedfortræder for Chef)", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Souschef kan ikke komme", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Borgmester kommer (ankomst om 20 min", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("opfyldt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Notify_all_calls_the_first_wave_and_only_the_short_role_escalates_until_its_quorum()
    {
        var o = await SetUpAsync(app, "Anna", "Bo", "Carl", "Dorte", "Erik");
        var logfoerer = await RoleAsync(app, o, $"Logfører {Guid.NewGuid():N}", "Anna", "Bo");
        var presse = await RoleAsync(app, o, $"Presse {Guid.NewGuid():N}", "Dorte");
        await SubstituteAsync(app, o, "Anna", "Carl");
        await SubstituteAsync(app, o, "Dorte", "Erik");
        var list = await ListAsync(app, o, AlarmMode.NotifyAll, [], [(logfoerer, 2), (presse, 1)]);

        var id = await StartAsync(app, o, new { id = Id(), message = "Staben indkaldes", alarmListIds = new[] { list }, channels = SmsOnly });
        Assert.Equal(["Anna", "Bo", "Dorte"], SmsTo(app, o).Order().ToList());

        await AnswerAsync(app, o, id, "Dorte", AnswerResponse.Kommer, 30);
        await AnswerAsync(app, o, id, "Anna", AnswerResponse.KanIkke);
        await app.RunJobAsync();

        // Logfører lacks one (Bo still has time): Anna's substitute is called; Presse is full, so Erik is not.
        Assert.Equal(["Anna", "Bo", "Carl", "Dorte"], SmsTo(app, o).Order().ToList());
        await AnswerAsync(app, o, id, "Bo", AnswerResponse.Kommer);
        await AnswerAsync(app, o, id, "Carl", AnswerResponse.Kommer, 10);
        await app.RunJobAsync();

        var status = await StatusAsync(o, id);
        Assert.All(status.Targets, t => Assert.Equal(TargetState.Satisfied, t.State));
        Assert.Equal(CallOutStatus.Completed, status.Status);

        // A late answer after the role is full is recorded but does not reopen or overfill the state.
        await AnswerAsync(app, o, id, "Anna", AnswerResponse.Kommer);
        await app.RunJobAsync();
        status = await StatusAsync(o, id);
        var logTarget = status.Targets.Single(t => t.Label.StartsWith("Logfører", StringComparison.Ordinal));
        Assert.Equal(TargetState.Satisfied, logTarget.State);
        Assert.Equal(3, logTarget.Confirmed);
        Assert.DoesNotContain("Erik", SmsTo(app, o));
    }

    [Fact]
    public async Task Sms_then_email_after_the_channel_delay_and_email_at_once_when_the_sms_fails()
    {
        var o = await SetUpAsync(app, "Frida", "Gert");
        var id = await StartAsync(app, o, new { id = Id(), message = "Test", personIds = new[] { o.People["Frida"] }, channels = SmsAndEmail, channelDelayMinutes = 3 });
        var attempts = await AttemptsAsync(o, id);
        Assert.Equal([(CallOutChannel.Sms, AttemptStatus.Sent)], attempts);

        app.Clock.Advance(TimeSpan.FromMinutes(3));
        await app.RunJobAsync();
        attempts = await AttemptsAsync(o, id);
        Assert.Equal(2, attempts.Count);

        // E-mail is off in this test host: the attempt fails visibly instead of silently waiting.
        Assert.Equal((CallOutChannel.Email, AttemptStatus.Failed), attempts[1]);
        var status = await StatusAsync(o, id);
        Assert.Contains("E-mail er slået fra", status.Recipients.Single().Attempts[1].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gateway_500_is_retried_with_backoff_and_sent_once()
    {
        var o = await SetUpAsync(app, "Hans");
        app.Inbox.FailNext(1);
        var id = await StartAsync(app, o, new { id = Id(), message = "Test", personIds = new[] { o.People["Hans"] }, channels = SmsOnly });
        Assert.Empty(SmsTo(app, o));
        var status = await StatusAsync(o, id);
        var attempt = Assert.Single(Assert.Single(status.Recipients).Attempts);
        Assert.Equal(AttemptStatus.Queued, attempt.Status);
        Assert.Equal(1, attempt.Tries);
        Assert.Contains("500", attempt.Error, StringComparison.Ordinal);

        await app.RunJobAsync();
        Assert.Empty(SmsTo(app, o)); // backoff not over yet
        app.Clock.Advance(TimeSpan.FromSeconds(20));
        await app.RunJobAsync();
        await app.RunJobAsync();
        Assert.Equal(["Hans"], SmsTo(app, o));
        attempt = Assert.Single(Assert.Single((await StatusAsync(o, id)).Recipients).Attempts);
        Assert.Equal(AttemptStatus.Sent, attempt.Status);
        Assert.Equal(2, attempt.Tries);
    }

    [Fact]
    public async Task A_restart_resumes_from_the_database_and_never_sends_twice()
    {
        var names = Enumerable.Range(1, 12).Select(i => $"Person{i}").ToArray();
        var o = await SetUpAsync(app, names);
        var role = await RoleAsync(app, o, $"Alle {Guid.NewGuid():N}", names[..10]);
        for (var i = 0; i < 10; i++)
        {
            await SubstituteAsync(app, o, names[i], i % 2 == 0 ? names[10] : names[11]);
        }

        var list = await ListAsync(app, o, AlarmMode.NotifyAll, [], [(role, 10)]);
        using var composed = await ComposeAsync(o, new { id = Id(), message = "Genstart", alarmListIds = new[] { list }, channels = SmsOnly });
        var id = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(composed.Content)).GetProperty("id").GetGuid();
        using (var confirmed = await o.Api.PostAsync($"/api/v1/callouts/{id}/confirm", CrisisLogSteps.Json(new { })))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }

        // "Crash" between deciding and sending: the engine has queued the first wave, no sender ran.
        await app.WithDbAsync(o.Org.Id, (db, sp) => sp.GetRequiredService<CallOutEngine>().AdvanceAsync(id, CancellationToken.None));
        Assert.Empty(SmsTo(app, o));

        // One attempt was claimed by a sender that died mid-call: its outcome is unknown, so it must never be resent.
        var inFlight = await app.WithDbAsync(o.Org.Id, async (db, _) =>
        {
            var a = await db.CallOutAttempts.Where(x => x.CallOutId == id).OrderBy(x => x.Id).FirstAsync();
            a.Status = AttemptStatus.Sending;
            a.Tries = 1;
            a.DueAt = app.Clock.GetUtcNow();
            await db.SaveChangesAsync();
            return a.RecipientId;
        });

        // Two fresh job instances (after the restart, or two app instances) run at once.
        var jobs = Enumerable.Range(0, 2).Select(_ => NewJob()).ToList();
        await Task.WhenAll(jobs.Select(j => j.RunOnceAsync(CancellationToken.None)));
        await Task.WhenAll(jobs.Select(j => j.RunOnceAsync(CancellationToken.None)));
        Assert.Equal(9, SmsTo(app, o).Count);
        Assert.Equal(9, SmsTo(app, o).Distinct().Count());

        app.Clock.Advance(TimeSpan.FromMinutes(3));
        await NewJob().RunOnceAsync(CancellationToken.None);
        var status = await StatusAsync(o, id);
        var failed = status.Recipients.Single(r => r.Id == inFlight).Attempts.Single();
        Assert.Equal(AttemptStatus.Failed, failed.Status);
        Assert.Contains("sendes ikke igen", failed.Error, StringComparison.Ordinal);

        // Nobody answers: after the deadline the substitutes are called, each once, however often the job runs.
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        for (var i = 0; i < 3; i++)
        {
            await Task.WhenAll(NewJob().RunOnceAsync(CancellationToken.None), NewJob().RunOnceAsync(CancellationToken.None));
        }

        var sent = SmsTo(app, o);
        Assert.Equal(sent.Count, sent.Distinct().Count());
        Assert.Contains(names[10], sent);
        Assert.Contains(names[11], sent);
        var attempts = await app.WithDbAsync(o.Org.Id, (db, _) => db.CallOutAttempts.CountAsync(a => a.CallOutId == id));
        Assert.Equal(12, attempts);
    }

    private CallOutJob NewJob()
    {
        var sp = app.Services;
        var sender = new CallOutSender(sp.GetRequiredService<IServiceScopeFactory>(), app.Clock, sp.GetRequiredService<IOptions<CallOutOptions>>(), sp.GetRequiredService<IOptions<EmailOptions>>(), sp.GetRequiredService<AnswerLinks>(), NullLogger<CallOutSender>.Instance);
        return new CallOutJob(sp.GetRequiredService<IServiceScopeFactory>(), sender, new CallOutSignal(), app.Clock, sp.GetRequiredService<IOptions<CallOutOptions>>(), NullLogger<CallOutJob>.Instance);
    }

    private Task<List<(CallOutChannel, AttemptStatus)>> AttemptsAsync(CallOutOrg o, Guid id) =>
        app.WithDbAsync(o.Org.Id, async (db, _) => (await db.CallOutAttempts.Where(a => a.CallOutId == id).OrderBy(a => a.Step).ToListAsync()).Select(a => (a.Channel, a.Status)).ToList());
}
