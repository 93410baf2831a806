using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stabsrum.Features.CallOut;
using Stabsrum.Features.Registry;
using static Stabsrum.Tests.CallOut.CallOutSteps;

namespace Stabsrum.Tests.CallOut;

/// <summary>Answers written together (group commit): each keeps its own outcome, order and organisation.</summary>
public sealed class AnswerBatchTests(CallOutFactory app) : IClassFixture<CallOutFactory>
{
    [Fact]
    public async Task One_batch_keeps_each_answers_outcome_and_the_last_accepted_answer_is_the_persons_current_one()
    {
        var o = await SetUpAsync(app, "Aksel", "Bente", "Carl");
        var id = await StartAsync(app, o, new { id = Id(), message = "Prøvealarm", personIds = o.People.Values, channels = SmsOnly });
        var other = await SetUpAsync(app, "Fremmed");
        var foreignCallOut = await StartAsync(app, other, new { id = Id(), message = "Prøvealarm", personIds = other.People.Values, channels = SmsOnly });
        var r = await app.WithDbAsync(o.Org.Id, (db, _) => db.CallOutRecipients.Where(x => x.CallOutId == id).ToDictionaryAsync(x => x.PersonId, x => x.Id));
        var foreign = await app.WithDbAsync(other.Org.Id, (db, _) => db.CallOutRecipients.Where(x => x.CallOutId == foreignCallOut).Select(x => x.Id).SingleAsync());
        var (aksel, bente, carl) = (r[o.People["Aksel"]], r[o.People["Bente"]], r[o.People["Carl"]]);

        var outcomes = await app.WithDbAsync(o.Org.Id, (_, sp) => sp.GetRequiredService<CallOutAnswerRecorder>().RecordManyAsync(
        [
            new AnswerSubmission(aksel, AnswerResponse.Kommer, 10, AnswerSource.Link),
            new AnswerSubmission(aksel, AnswerResponse.KanIkke, null, AnswerSource.Link), // a link answers once
            new AnswerSubmission(bente, AnswerResponse.KanIkke, null, AnswerSource.Sms, "2", o.Phones["Bente"]),
            new AnswerSubmission(bente, AnswerResponse.Kommer, 5, AnswerSource.Link), // changes her mind: both kept
            new AnswerSubmission(carl, AnswerResponse.Kommer, 5000, AnswerSource.Link), // ETA out of range
            new AnswerSubmission(foreign, AnswerResponse.Kommer, 1, AnswerSource.Link), // another organisation's
            new AnswerSubmission(Guid.NewGuid(), AnswerResponse.Kommer, 1, AnswerSource.Link),
        ], CancellationToken.None));

        Assert.Equal(
            [AnswerOutcome.Recorded, AnswerOutcome.AlreadyAnswered, AnswerOutcome.Recorded, AnswerOutcome.Recorded, AnswerOutcome.Invalid, AnswerOutcome.NotFound, AnswerOutcome.NotFound],
            outcomes);
        await app.WithDbAsync(o.Org.Id, async (db, _) =>
        {
            var answers = (await db.CallOutAnswers.Where(a => a.CallOutId == id).ToListAsync()).Select(a => (a.RecipientId!.Value, a.Response)).Order();
            Assert.Equal(new[] { (aksel, AnswerResponse.Kommer), (bente, AnswerResponse.KanIkke), (bente, AnswerResponse.Kommer) }.Order(), answers);
            var recipients = await db.CallOutRecipients.Where(x => x.CallOutId == id).ToDictionaryAsync(x => x.Id);
            Assert.Equal((AnswerResponse.Kommer, 10, AnswerSource.Link), (recipients[aksel].Response!.Value, recipients[aksel].EtaMinutes!.Value, recipients[aksel].AnswerSource!.Value));
            Assert.Equal((AnswerResponse.Kommer, 5, AnswerSource.Link), (recipients[bente].Response!.Value, recipients[bente].EtaMinutes!.Value, recipients[bente].AnswerSource!.Value));
            Assert.Null(recipients[carl].Response);
            Assert.NotNull(recipients[aksel].AnsweredAt);

            // Attempts of those who answered are closed; Carl's message still counts as out.
            var attempts = await db.CallOutAttempts.Where(a => a.CallOutId == id).ToListAsync();
            Assert.All(attempts.Where(a => a.RecipientId != carl), a => Assert.Equal(AttemptStatus.Answered, a.Status));
            Assert.All(attempts.Where(a => a.RecipientId == carl), a => Assert.NotEqual(AttemptStatus.Answered, a.Status));

            // A prøvealarm answer confirms the person's contact data; an invalid one does not.
            var verified = await db.KeyPersons.Where(p => o.People.Values.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.ContactVerifiedAt);
            Assert.NotNull(verified[o.People["Aksel"]]);
            Assert.NotNull(verified[o.People["Bente"]]);
            Assert.Null(verified[o.People["Carl"]]);
        });

        // The other organisation's recipient was not touched from this organisation's batch.
        Assert.Null(await app.WithDbAsync(other.Org.Id, (db, _) => db.CallOutRecipients.Where(x => x.Id == foreign).Select(x => x.Response).SingleAsync()));
    }

    [Fact]
    public async Task A_burst_through_the_queue_is_stored_once_per_answer_each_under_its_own_organisation()
    {
        var names = Enumerable.Range(1, 40).Select(i => $"Person{i:00}").ToArray();
        var first = await SetUpAsync(app, names);
        var second = await SetUpAsync(app, "Eneste");
        var firstCallOut = await StartAsync(app, first, new { id = Id(), message = "Prøvealarm", personIds = first.People.Values, channels = SmsOnly });
        var secondCallOut = await StartAsync(app, second, new { id = Id(), message = "Prøvealarm", personIds = second.People.Values, channels = SmsOnly });
        var firstRecipients = await app.WithDbAsync(first.Org.Id, (db, _) => db.CallOutRecipients.Where(x => x.CallOutId == firstCallOut).Select(x => x.Id).ToListAsync());
        var secondRecipient = await app.WithDbAsync(second.Org.Id, (db, _) => db.CallOutRecipients.Where(x => x.CallOutId == secondCallOut).Select(x => x.Id).SingleAsync());

        // Every person taps once, five tap twice, and one answer for another organisation arrives in the same burst.
        var taps = firstRecipients.Concat(firstRecipients.Take(5)).Append(secondRecipient).ToList();
        var queue = app.Services.GetRequiredService<AnswerQueue>();
        var outcomes = await Task.WhenAll(taps.Select(recipient => Task.Run(() => queue.RecordAsync(new AnswerSubmission(recipient, AnswerResponse.Kommer, 15, AnswerSource.Link)))));

        Assert.Equal(firstRecipients.Count + 1, outcomes.Count(x => x == AnswerOutcome.Recorded));
        Assert.Equal(5, outcomes.Count(x => x == AnswerOutcome.AlreadyAnswered));
        var stored = await app.WithDbAsync(first.Org.Id, (db, _) => db.CallOutAnswers.Where(a => a.CallOutId == firstCallOut).Select(a => a.RecipientId!.Value).ToListAsync());
        Assert.Equal(firstRecipients.Order(), stored.Order());
        var theirs = await app.WithDbAsync(second.Org.Id, (db, _) => db.CallOutAnswers.Where(a => a.CallOutId == secondCallOut).SingleAsync());
        Assert.Equal(second.Org.Id, theirs.OrganisationId);

        // The audit trail names the link as the actor, in the answer's own organisation.
        var audited = await app.WithDbAsync(second.Org.Id, (db, _) => db.AuditTrail.Where(a => a.EntityType == nameof(CallOutAnswer) && a.EntityId == theirs.Id.ToString()).SingleAsync());
        Assert.Equal(("Svar via link", second.Org.Id), (audited.Actor, audited.OrganisationId));
    }
}
