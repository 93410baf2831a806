using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Registry;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.CallOut;

public enum AnswerOutcome
{
    Recorded,
    NotFound,

    /// <summary>The call-out is no longer running (cancelled, or a draft never sent).</summary>
    Closed,

    /// <summary>A personal link answers once: a replay is refused.</summary>
    AlreadyAnswered,
    Invalid,
}

/// <summary>
/// Records answers from every source. Runs without a signed-in user (links, webhooks): the recipient's own row gives
/// the organisation, which is then entered as the system. An answer after a role's quorum is met is recorded and
/// shown, but the target stays satisfied; a prøvealarm answer marks the person's contact data as verified.
/// Lean on purpose (hundreds of answers a second arrive in the first minutes of a large call-out): one read, then one
/// transaction with a conditional update of the person's row, the answer row (audited) and the attempts; the crisis-log
/// entry is written by <see cref="CallOutJob"/> in batches from the committed answer row.
/// </summary>
public sealed class CallOutAnswerRecorder(StabsrumDbContext db, CurrentOrganisation current, KeyPersonChanges persons, TimeProvider time, CallOutSignal signal)
{
    public async Task<AnswerOutcome> RecordAsync(
        Guid recipientId, AnswerResponse response, int? etaMinutes, AnswerSource source, string? raw = null, string? from = null, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(response) || response == AnswerResponse.Ukendt || etaMinutes is < 0 or > SmsReplyParser.MaxEtaMinutes
            || (response == AnswerResponse.KanIkke && etaMinutes is not null))
        {
            return AnswerOutcome.Invalid;
        }

        var found = await (from r in db.CallOutRecipients.IgnoreQueryFilters().AsNoTracking()
                           join c in db.CallOuts.IgnoreQueryFilters().AsNoTracking() on r.CallOutId equals c.Id
                           where r.Id == recipientId
                           select new { r.OrganisationId, r.CallOutId, r.PersonId, r.AnswerSource, c.Status, c.Kind }).SingleOrDefaultAsync(ct);
        if (found is null || (current.OrganisationId is { } org && org != found.OrganisationId))
        {
            return AnswerOutcome.NotFound;
        }

        if (!current.HasOrganisation)
        {
            current.EnterAsSystem(found.OrganisationId, source == AnswerSource.Sms ? "SMS-svar" : "Svar via link");
        }

        if (found.Status is CallOutStatus.Draft or CallOutStatus.Cancelled)
        {
            return AnswerOutcome.Closed;
        }

        if (source == AnswerSource.Link && found.AnswerSource == AnswerSource.Link)
        {
            return AnswerOutcome.AlreadyAnswered;
        }

        var now = time.GetUtcNow();
        var eta = response == AnswerResponse.Kommer ? etaMinutes : null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The person's current answer, by one conditional update: a link answers once even when two taps race.
        var person = db.CallOutRecipients.Where(r => r.Id == recipientId);
        if (source == AnswerSource.Link)
        {
            person = person.Where(r => r.AnswerSource != AnswerSource.Link);
        }

        if (await person.ExecuteUpdateAsync(s => s.SetProperty(r => r.Response, response).SetProperty(r => r.EtaMinutes, eta)
                .SetProperty(r => r.AnsweredAt, now).SetProperty(r => r.AnswerSource, source), ct) == 0)
        {
            return AnswerOutcome.AlreadyAnswered;
        }

        // The answer row is the record (audited, and the crisis-log entry carries its id).
        db.CallOutAnswers.Add(new CallOutAnswer
        {
            OrganisationId = found.OrganisationId,
            CallOutId = found.CallOutId,
            RecipientId = recipientId,
            Response = response,
            EtaMinutes = eta,
            Source = source,
            RawText = raw is { Length: > 1000 } ? raw[..1000] : raw,
            FromPhone = from,
            ReceivedAt = now,
            LoggedAt = found.Kind == CallOutKind.Test ? now : null,
        });
        await db.SaveChangesAsync(ct);

        // Messages not yet out are not needed any more; those out are marked answered.
        await db.CallOutAttempts.Where(a => a.RecipientId == recipientId && (a.Status == AttemptStatus.Queued || a.Status == AttemptStatus.Sent || a.Status == AttemptStatus.Delivered))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AttemptStatus.Answered), ct);
        if (found.Kind == CallOutKind.Test)
        {
            await persons.MarkVerifiedAsync(found.PersonId, ct);
        }

        await transaction.CommitAsync(ct);
        signal.Nudge();
        return AnswerOutcome.Recorded;
    }

    /// <summary>An SMS reply: parsed; unreadable or from an unknown number it is stored as <see cref="AnswerResponse.Ukendt"/> and shown.</summary>
    public async Task<(AnswerOutcome Outcome, ParsedReply Parsed)> InboundSmsAsync(Guid organisationId, string? from, string? text, CancellationToken ct)
    {
        current.EnterAsSystem(organisationId, "SMS-svar");
        var parsed = SmsReplyParser.Parse(text);
        // Gateways send the sender as digits with the country code ("4520304050") or in E.164.
        var digits = from?.Trim();
        var (phone, _) = PhoneNumber.Normalise(digits is { Length: > 8 } && digits.All(char.IsAsciiDigit) ? "+" + digits : digits, "Afsender");
        Guid? recipient = phone is null ? null : await (from r in db.CallOutRecipients
                                                        join c in db.CallOuts on r.CallOutId equals c.Id
                                                        where r.Phone == phone && c.Status == CallOutStatus.Active && r.CalledAt != null
                                                        orderby r.CalledAt descending
                                                        select (Guid?)r.Id).FirstOrDefaultAsync(ct);
        if (parsed.Response != AnswerResponse.Ukendt && recipient is { } id)
        {
            return (await RecordAsync(id, parsed.Response, parsed.EtaMinutes, AnswerSource.Sms, text, phone, ct), parsed);
        }

        var callOutId = recipient is { } known
            ? await db.CallOutRecipients.Where(r => r.Id == known).Select(r => (Guid?)r.CallOutId).SingleAsync(ct)
            : null;
        db.CallOutAnswers.Add(new CallOutAnswer
        {
            OrganisationId = organisationId,
            CallOutId = callOutId,
            RecipientId = recipient,
            Response = AnswerResponse.Ukendt,
            Source = AnswerSource.Sms,
            RawText = text is { Length: > 1000 } ? text[..1000] : text ?? "",
            FromPhone = (phone ?? from) is { } f ? (f.Length > 40 ? f[..40] : f) : null,
            ReceivedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        signal.Nudge();
        return (AnswerOutcome.Recorded, parsed with { Response = AnswerResponse.Ukendt, Problem = parsed.Problem ?? "Afsenderens nummer er ikke kaldt i en aktiv alarmering." });
    }

    /// <summary>A delivery receipt: by our reference (the attempt id) or the provider's message id.</summary>
    public async Task<bool> ReceiptAsync(Guid organisationId, string? reference, string? providerId, string? status, CancellationToken ct)
    {
        current.EnterAsSystem(organisationId, "SMS-kvittering");
        var query = db.CallOutAttempts.Where(a => a.Channel == CallOutChannel.Sms);
        if (Guid.TryParse(reference, out var attemptId))
        {
            query = query.Where(a => a.Id == attemptId);
        }
        else if (!string.IsNullOrWhiteSpace(providerId))
        {
            query = query.Where(a => a.ProviderMessageId == providerId);
        }
        else
        {
            return false;
        }

        var attempt = await query.FirstOrDefaultAsync(ct);
        if (attempt is null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var normalised = (status ?? "").Trim().ToUpperInvariant();
        if (normalised is "DELIVERED" or "DELIVRD" or "LEVERET" or "OK" or "0")
        {
            attempt.DeliveredAt = now;
            if (attempt.Status is AttemptStatus.Sent or AttemptStatus.Sending or AttemptStatus.Queued)
            {
                attempt.Status = AttemptStatus.Delivered;
            }
        }
        else if (normalised is "UNDELIVERABLE" or "UNDELIV" or "REJECTED" or "EXPIRED" or "FAILED" or "ERROR" or "DELETED" or "FEJLET")
        {
            attempt.FailedAt = now;
            attempt.Error = $"Gatewayen meldte: {normalised}";
            if (attempt.Status != AttemptStatus.Answered)
            {
                attempt.Status = AttemptStatus.Failed;
            }
        }
        else
        {
            return true; // intermediate states (ENROUTE, BUFFERED …) change nothing
        }

        await db.SaveChangesAsync(ct);
        signal.Nudge();
        return true;
    }
}
