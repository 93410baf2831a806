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

/// <summary>One answer as received, before it is checked against the recipient's state.</summary>
public sealed record AnswerSubmission(Guid RecipientId, AnswerResponse Response, int? EtaMinutes, AnswerSource Source, string? RawText = null, string? FromPhone = null)
{
    public bool IsValid => Enum.IsDefined(Response) && Response != AnswerResponse.Ukendt && EtaMinutes is null or (>= 0 and <= SmsReplyParser.MaxEtaMinutes)
        && (Response == AnswerResponse.Kommer || EtaMinutes is null);

    /// <summary>Who the audit trail names for an answer nobody signed in to give.</summary>
    public string Actor => Source == AnswerSource.Sms ? "SMS-svar" : "Svar via link";
}

/// <summary>
/// Records answers from every source. Runs without a signed-in user (links, webhooks): the recipient's own row gives
/// the organisation, which is then entered as the system. An answer after a role's quorum is met is recorded and
/// shown, but the target stays satisfied; a prøvealarm answer marks the person's contact data as verified.
/// Written for bursts (hundreds of answers a second in the first minutes of a large call-out): any number of answers
/// of one organisation are written by <see cref="RecordManyAsync"/> in one transaction with a fixed number of
/// statements — the answer rows (audited), the recipients' current answers, the attempts — so
/// <see cref="AnswerQueue"/> can commit a burst in groups. The crisis-log entry for each answer is written by
/// <see cref="CallOutJob"/> in batches from the committed answer row.
/// </summary>
public sealed class CallOutAnswerRecorder(StabsrumDbContext db, CurrentOrganisation current, KeyPersonChanges persons, TimeProvider time, CallOutSignal signal)
{
    public async Task<AnswerOutcome> RecordAsync(
        Guid recipientId, AnswerResponse response, int? etaMinutes, AnswerSource source, string? raw = null, string? from = null, CancellationToken ct = default)
    {
        var answer = new AnswerSubmission(recipientId, response, etaMinutes, source, raw, from);
        if (!answer.IsValid)
        {
            return AnswerOutcome.Invalid;
        }

        if (!current.HasOrganisation)
        {
            var organisation = await db.CallOutRecipients.IgnoreQueryFilters().Where(r => r.Id == recipientId)
                .Select(r => (Guid?)r.OrganisationId).SingleOrDefaultAsync(ct);
            if (organisation is not { } org)
            {
                return AnswerOutcome.NotFound;
            }

            current.EnterAsSystem(org, answer.Actor);
        }

        return (await RecordManyAsync([answer], ct))[0];
    }

    /// <summary>
    /// Answers for recipients of the current organisation, in one transaction; the outcomes in the same order. The
    /// recipients' rows are locked first (row locks on PostgreSQL, the write lock on SQLite), so the checks see the
    /// state the writes change: a link answers once even when two taps or two instances race. Several answers for one
    /// person in one batch are all recorded, in order; the person's current answer is the last one accepted.
    /// </summary>
    public async Task<AnswerOutcome[]> RecordManyAsync(IReadOnlyList<AnswerSubmission> answers, CancellationToken ct)
    {
        current.RequireOrganisationId();
        var outcomes = answers.Select(a => a.IsValid ? AnswerOutcome.NotFound : AnswerOutcome.Invalid).ToArray();
        var ids = answers.Where(a => a.IsValid).Select(a => a.RecipientId).Distinct().ToList();
        if (ids.Count == 0)
        {
            return outcomes;
        }

        var now = time.GetUtcNow();
        db.Database.AutoSavepointsEnabled = false; // the whole batch commits or rolls back together: no savepoint round trips
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.CallOutRecipients.Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.AnsweredAt, r => r.AnsweredAt), ct);
        var found = await (from r in db.CallOutRecipients.AsNoTracking()
                           join c in db.CallOuts.AsNoTracking() on r.CallOutId equals c.Id
                           where ids.Contains(r.Id)
                           select new { r.Id, r.CallOutId, r.PersonId, r.AnswerSource, c.Status, c.Kind }).ToDictionaryAsync(r => r.Id, ct);

        var source = found.Values.ToDictionary(r => r.Id, r => r.AnswerSource);
        var latest = new Dictionary<Guid, Guid>(); // recipient → the answer row that becomes the current answer
        var verified = new HashSet<Guid>();
        for (var i = 0; i < answers.Count; i++)
        {
            var answer = answers[i];
            if (outcomes[i] == AnswerOutcome.Invalid || !found.TryGetValue(answer.RecipientId, out var recipient))
            {
                continue;
            }

            if (recipient.Status is CallOutStatus.Draft or CallOutStatus.Cancelled)
            {
                outcomes[i] = AnswerOutcome.Closed;
                continue;
            }

            if (answer.Source == AnswerSource.Link && source[recipient.Id] == AnswerSource.Link)
            {
                outcomes[i] = AnswerOutcome.AlreadyAnswered;
                continue;
            }

            // The answer row is the record (audited, and the crisis-log entry carries its id).
            var row = new CallOutAnswer
            {
                OrganisationId = current.RequireOrganisationId(),
                CallOutId = recipient.CallOutId,
                RecipientId = recipient.Id,
                Response = answer.Response,
                EtaMinutes = answer.EtaMinutes,
                Source = answer.Source,
                RawText = answer.RawText is { Length: > 1000 } raw ? raw[..1000] : answer.RawText,
                FromPhone = answer.FromPhone,
                ReceivedAt = now,
                LoggedAt = recipient.Kind == CallOutKind.Test ? now : null,
            };
            db.CallOutAnswers.Add(row);
            source[recipient.Id] = answer.Source;
            latest[recipient.Id] = row.Id;
            if (recipient.Kind == CallOutKind.Test)
            {
                verified.Add(recipient.PersonId);
            }

            outcomes[i] = AnswerOutcome.Recorded;
        }

        if (latest.Count == 0)
        {
            return outcomes;
        }

        await db.SaveChangesAsync(ct);
        await persons.MarkVerifiedAsync(verified, now, ct);

        // Each person's current answer is copied from their latest answer row: one statement for the whole batch.
        var recipientIds = latest.Keys.ToList();
        var answerIds = latest.Values.ToList();
        var rows = db.CallOutAnswers.Where(a => answerIds.Contains(a.Id));
        await db.CallOutRecipients.Where(r => recipientIds.Contains(r.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Response, r => rows.Where(a => a.RecipientId == r.Id).Select(a => (AnswerResponse?)a.Response).First())
            .SetProperty(r => r.EtaMinutes, r => rows.Where(a => a.RecipientId == r.Id).Select(a => a.EtaMinutes).First())
            .SetProperty(r => r.AnswerSource, r => rows.Where(a => a.RecipientId == r.Id).Select(a => (AnswerSource?)a.Source).First())
            .SetProperty(r => r.AnsweredAt, now), ct);

        // Messages not yet out are not needed any more; those out are marked answered.
        await db.CallOutAttempts.Where(a => recipientIds.Contains(a.RecipientId) && (a.Status == AttemptStatus.Queued || a.Status == AttemptStatus.Sent || a.Status == AttemptStatus.Delivered))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AttemptStatus.Answered), ct);
        await transaction.CommitAsync(ct);
        signal.Nudge();
        return outcomes;
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
