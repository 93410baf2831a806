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
/// </summary>
public sealed class CallOutAnswerRecorder(StabsrumDbContext db, CurrentOrganisation current, KeyPersonChanges persons, TimeProvider time, CallOutSignal signal)
{
    public async Task<(AnswerOutcome Outcome, CallOutRecipient? Recipient)> RecordAsync(
        Guid recipientId, AnswerResponse response, int? etaMinutes, AnswerSource source, string? raw = null, string? from = null, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(response) || response == AnswerResponse.Ukendt || etaMinutes is < 0 or > SmsReplyParser.MaxEtaMinutes
            || (response == AnswerResponse.KanIkke && etaMinutes is not null))
        {
            return (AnswerOutcome.Invalid, null);
        }

        var recipient = await db.CallOutRecipients.IgnoreQueryFilters().SingleOrDefaultAsync(r => r.Id == recipientId, ct);
        if (recipient is null || (current.OrganisationId is { } org && org != recipient.OrganisationId))
        {
            return (AnswerOutcome.NotFound, null);
        }

        if (!current.HasOrganisation)
        {
            current.EnterAsSystem(recipient.OrganisationId, source == AnswerSource.Sms ? "SMS-svar" : "Svar via link");
        }

        var callOut = await db.CallOuts.AsNoTracking().Where(c => c.Id == recipient.CallOutId).Select(c => new { c.Status, c.Kind }).SingleAsync(ct);
        if (callOut.Status is CallOutStatus.Draft or CallOutStatus.Cancelled)
        {
            return (AnswerOutcome.Closed, recipient);
        }

        if (source == AnswerSource.Link && recipient.AnswerSource == AnswerSource.Link)
        {
            return (AnswerOutcome.AlreadyAnswered, recipient);
        }

        var now = time.GetUtcNow();
        recipient.Response = response;
        recipient.EtaMinutes = response == AnswerResponse.Kommer ? etaMinutes : null;
        recipient.AnsweredAt = now;
        recipient.AnswerSource = source;
        db.CallOutAnswers.Add(new CallOutAnswer
        {
            OrganisationId = recipient.OrganisationId,
            CallOutId = recipient.CallOutId,
            RecipientId = recipient.Id,
            Response = response,
            EtaMinutes = recipient.EtaMinutes,
            Source = source,
            RawText = raw is { Length: > 1000 } ? raw[..1000] : raw,
            FromPhone = from,
            ReceivedAt = now,
            LoggedAt = callOut.Kind == CallOutKind.Test ? now : null,
        });
        await db.SaveChangesAsync(ct);

        // Messages not yet out are not needed any more; those out are marked answered.
        await db.CallOutAttempts.Where(a => a.RecipientId == recipient.Id && (a.Status == AttemptStatus.Queued || a.Status == AttemptStatus.Sent || a.Status == AttemptStatus.Delivered))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AttemptStatus.Answered), ct);
        if (callOut.Kind == CallOutKind.Test)
        {
            await persons.MarkVerifiedAsync(recipient.PersonId, ct);
        }

        signal.Nudge();
        return (AnswerOutcome.Recorded, recipient);
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
            var (outcome, _) = await RecordAsync(id, parsed.Response, parsed.EtaMinutes, AnswerSource.Sms, text, phone, ct);
            return (outcome, parsed);
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
