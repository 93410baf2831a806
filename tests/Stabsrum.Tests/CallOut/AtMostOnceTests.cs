using System.Net;
using System.Text.Json;
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

/// <summary>The batched sender and the lean answer path keep "never twice": concurrent senders, concurrent taps.</summary>
public sealed class AtMostOnceTests(CallOutFactory app) : IClassFixture<CallOutFactory>
{
    [Fact]
    public async Task A_batch_claim_returns_only_the_rows_it_won()
    {
        var (o, id) = await QueuedCallOutAsync(6);
        var ids = await app.WithDbAsync(o.Org.Id, (db, _) => db.CallOutAttempts.Where(a => a.CallOutId == id).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
        Assert.Equal(6, ids.Count);

        // Another instance claimed two of them a moment ago.
        var other = Guid.NewGuid();
        var taken = ids.Take(2).ToList();
        await app.WithDbAsync(o.Org.Id, (db, _) => db.CallOutAttempts.Where(a => taken.Contains(a.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AttemptStatus.Sending).SetProperty(a => a.ClaimToken, other)));

        var won = await NewSender().ClaimAsync(ids, CancellationToken.None);
        Assert.Equal(ids.Skip(2).Order(), won.Order());
        Assert.Empty(await NewSender().ClaimAsync(ids, CancellationToken.None));

        var rows = await app.WithDbAsync(o.Org.Id, (db, _) => db.CallOutAttempts.Where(a => a.CallOutId == id).ToDictionaryAsync(a => a.Id));
        Assert.All(taken, t => Assert.Equal(other, rows[t].ClaimToken));
        Assert.All(won, w => Assert.Equal(1, rows[w].Tries));
        Assert.Single(won.Select(w => rows[w].ClaimToken).Distinct());
    }

    [Fact]
    public async Task Three_senders_running_at_once_send_each_of_several_batches_exactly_once()
    {
        var count = CallOutSender.ClaimBatchSize + 40;
        var (o, id) = await QueuedCallOutAsync(count);
        Assert.Empty(SmsTo(app, o));

        var sent = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => NewSender().SendDueAsync(CancellationToken.None))));

        Assert.Equal(count, sent.Sum());
        var to = SmsTo(app, o);
        Assert.Equal(count, to.Count);
        Assert.Equal(count, to.Distinct().Count());
        var attempts = await app.WithDbAsync(o.Org.Id, (db, _) => db.CallOutAttempts.Where(a => a.CallOutId == id).Select(a => new { a.Status, a.Tries, a.ProviderMessageId }).ToListAsync());
        Assert.Equal(count, attempts.Count);
        Assert.All(attempts, a =>
        {
            Assert.Equal(AttemptStatus.Sent, a.Status);
            Assert.Equal(1, a.Tries);
            Assert.NotNull(a.ProviderMessageId);
        });
        Assert.Equal(0, await NewSender().SendDueAsync(CancellationToken.None));
        Assert.Equal(count, SmsTo(app, o).Count);
    }

    [Fact]
    public async Task Two_taps_on_the_same_link_at_once_record_one_answer()
    {
        var o = await SetUpAsync(app, "Ulla");
        var incident = await CrisisLogSteps.CreateIncidentAsync(o.Api, "Brand");
        var id = await StartAsync(app, o, new { id = Id(), incidentId = incident, message = "Mød ind", personIds = new[] { o.People["Ulla"] }, channels = SmsOnly });
        var token = LinkToken(app, o, "Ulla");
        var phone = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => CallOutApiTests.AnswerFormAsync(phone, token, i % 2 == 0 ? "kommer" : "kan-ikke", i % 2 == 0 ? "15" : null)));
        var codes = responses.Select(r => r.StatusCode).ToList();
        Assert.Single(codes, HttpStatusCode.SeeOther);
        Assert.All(codes.Where(c => c != HttpStatusCode.SeeOther), c => Assert.Equal(HttpStatusCode.Conflict, c));

        var answers = await app.WithDbAsync(o.Org.Id, (db, _) => db.CallOutAnswers.Where(a => a.CallOutId == id).ToListAsync());
        var answer = Assert.Single(answers);
        var recipient = await app.WithDbAsync(o.Org.Id, (db, _) => db.CallOutRecipients.SingleAsync(r => r.CallOutId == id));
        Assert.Equal(answer.Response, recipient.Response);
        Assert.Equal(AnswerSource.Link, recipient.AnswerSource);

        // The job turns the stored answer into exactly one crisis-log entry, however often it runs.
        await app.RunJobAsync();
        await app.RunJobAsync();
        var log = await CrisisLogSteps.LogAsync(o.Api, incident);
        Assert.Single(log, e => e.GetProperty("text").GetString()!.StartsWith("Alarmering: Ulla ", StringComparison.Ordinal));
        Assert.NotNull((await app.WithDbAsync(o.Org.Id, (db, _) => db.CallOutAnswers.SingleAsync(a => a.CallOutId == id))).LoggedAt);
    }

    /// <summary>A notify-all call-out of <paramref name="people"/>, confirmed and advanced once: every first message queued, none sent.</summary>
    private async Task<(CallOutOrg Org, Guid Id)> QueuedCallOutAsync(int people)
    {
        var names = Enumerable.Range(1, people).Select(i => $"Person{i:000}").ToArray();
        var o = await SetUpAsync(app, names);
        var role = await RoleAsync(app, o, $"Alle {Guid.NewGuid():N}", names);
        var list = await ListAsync(app, o, AlarmMode.NotifyAll, [], [(role, people)]);
        using var composed = await ComposeAsync(o, new { id = Id(), message = "Samtidig", alarmListIds = new[] { list }, channels = SmsOnly });
        Assert.Equal(HttpStatusCode.Created, composed.StatusCode);
        var id = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<JsonElement>(composed.Content)).GetProperty("id").GetGuid();
        using (var confirmed = await o.Api.PostAsync($"/api/v1/callouts/{id}/confirm", CrisisLogSteps.Json(new { secondConfirmation = true })))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }

        Assert.True(await app.WithDbAsync(o.Org.Id, (db, sp) => sp.GetRequiredService<CallOutEngine>().AdvanceAsync(id, CancellationToken.None)));
        return (o, id);
    }

    private CallOutSender NewSender()
    {
        var sp = app.Services;
        return new CallOutSender(sp.GetRequiredService<IServiceScopeFactory>(), app.Clock, sp.GetRequiredService<IOptions<CallOutOptions>>(), sp.GetRequiredService<IOptions<EmailOptions>>(), sp.GetRequiredService<AnswerLinks>(), NullLogger<CallOutSender>.Instance);
    }
}
