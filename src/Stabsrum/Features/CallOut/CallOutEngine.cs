using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.CallOut;

public sealed class CallOutOptions
{
    public const string Section = "CallOut";

    /// <summary>A real call-out to more people than this needs a second confirmation.</summary>
    public int LargeCallOutThreshold { get; set; } = 20;

    /// <summary>Stabsrum's public address for the answer links (falls back to Email:PublicUrl).</summary>
    public string? PublicUrl { get; set; }

    public bool EscalationEnabled { get; set; } = true;

    public int IntervalSeconds { get; set; } = 15;

    /// <summary>Least time between two passes when nudged repeatedly (a burst of answers).</summary>
    public int MinimumGapMilliseconds { get; set; } = 1000;

    /// <summary>A channel that keeps answering 5xx is given up after this many tries.</summary>
    public int MaxTries { get; set; } = 4;

    /// <summary>Sends in parallel (the 1,000-person fan-out).</summary>
    public int SendParallelism { get; set; } = 16;
}

/// <summary>
/// The escalation state machine of one call-out, run by <see cref="CallOutJob"/> (and right after the confirmation).
/// Each pass reads the state from the database, decides who is called next (waves, substitutes, next person), queues
/// the attempts that are due, writes the steps to the crisis log, and commits — all in one transaction. Sending
/// happens afterwards from the committed attempt rows (<see cref="CallOutSender"/>), so a restart resumes from the
/// database and a message is never sent twice.
/// </summary>
public sealed class CallOutEngine(StabsrumDbContext db, CurrentOrganisation current, CrisisLog.CrisisLog log, TimeProvider time, IOptions<CallOutOptions> options)
{
    public sealed record ConfirmResult(Alarmering? CallOut, ValidationErrors Errors, bool NeedsSecondConfirmation, bool NotFound = false);

    public async Task<ConfirmResult> ConfirmAsync(Guid callOutId, bool secondConfirmation, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var callOut = await db.CallOuts.SingleOrDefaultAsync(c => c.Id == callOutId, ct);
        if (callOut is null)
        {
            return new ConfirmResult(null, errors, false, NotFound: true);
        }

        if (callOut.Status != CallOutStatus.Draft)
        {
            return new ConfirmResult(callOut, errors, false); // confirming twice is harmless: same answer
        }

        var count = await db.CallOutRecipients.CountAsync(r => r.CallOutId == callOutId, ct);
        if (callOut.Kind == CallOutKind.Real && count > options.Value.LargeCallOutThreshold && !secondConfirmation)
        {
            errors.Add("secondConfirmation", $"Alarmeringen går til {count} personer (mere end {options.Value.LargeCallOutThreshold}). Bekræft en gang til for at sende.");
            return new ConfirmResult(callOut, errors, true);
        }

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.CallOuts.Where(c => c.Id == callOutId && c.Status == CallOutStatus.Draft)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CallOutStatus.Active).SetProperty(c => c.ConfirmedAt, now).SetProperty(c => c.ConfirmedBy, current.UserName ?? "system"), ct);
        if (claimed == 0)
        {
            return new ConfirmResult(callOut, errors, false);
        }

        if (callOut.IncidentId is { } incidentId)
        {
            var text = $"{KindText(callOut.Kind)} startet af {current.UserName ?? "system"}: {count} {(count == 1 ? "person" : "personer")} via {ChannelText(callOut.Channels)}. Besked: {callOut.Message}";
            var appended = await log.AppendAsync(incidentId, new NewLogEntry(callOut.Id, LogEntryKind.MeldingUd, Shorten(text), Significant: true, Recipient: "Krisestaben"), ct);
            if (!appended.Succeeded)
            {
                await transaction.RollbackAsync(ct);
                foreach (var (field, messages) in appended.Errors.ToDictionary())
                {
                    errors.Add(field, string.Join(" ", messages));
                }

                return new ConfirmResult(callOut, errors, false);
            }
        }

        await transaction.CommitAsync(ct);
        await db.Entry(callOut).ReloadAsync(ct);
        return new ConfirmResult(callOut, errors, false);
    }

    /// <summary>One escalation pass over an active call-out. Returns true when it changed anything.</summary>
    public async Task<bool> AdvanceAsync(Guid callOutId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var callOut = await db.CallOuts.SingleOrDefaultAsync(c => c.Id == callOutId && c.Status == CallOutStatus.Active, ct);
        if (callOut is null)
        {
            return false;
        }

        var targets = await db.CallOutTargets.Where(t => t.CallOutId == callOutId).OrderBy(t => t.Position).ToListAsync(ct);
        var targetIds = targets.Select(t => t.Id).ToList();
        // Candidates and recipients are read untracked: the only thing a pass changes on them is CalledAt, written below
        // by two set-based updates (not one audited UPDATE per person — the crisis log and the attempts record who was called).
        var candidates = (await db.CallOutCandidates.AsNoTracking().Where(c => targetIds.Contains(c.TargetId)).ToListAsync(ct)).ToLookup(c => c.TargetId);
        var recipients = await db.CallOutRecipients.AsNoTracking().Where(r => r.CallOutId == callOutId).ToDictionaryAsync(r => r.Id, ct);
        var calledCandidates = new List<Guid>();
        var calledRecipients = new List<Guid>();
        var attempts = await db.CallOutAttempts.AsNoTracking().Where(a => a.CallOutId == callOutId)
            .Select(a => new { a.RecipientId, a.Channel, a.Step, a.Status }).ToListAsync(ct);
        var events = new List<string>();
        var changed = false;
        var timeout = TimeSpan.FromMinutes(callOut.AnswerTimeoutMinutes);

        var counted = StaffingAllocation.Assign(
            targets.Select(t => new StaffingPlace(t.Id, t.Required, candidates[t.Id].OrderBy(c => c.Position).Select(c => c.RecipientId).ToList())),
            r => recipients[r].Response == AnswerResponse.Kommer);
        foreach (var target in targets.Where(t => t.State == TargetState.Open))
        {
            var list = candidates[target.Id].OrderBy(c => c.Position).ToList();
            var confirmed = counted[target.Id].Count;
            if (confirmed >= target.Required)
            {
                target.State = TargetState.Satisfied;
                target.ClosedAt = now;
                events.Add($"{target.Label}: {confirmed} af {target.Required} har bekræftet – opfyldt.");
                changed = true;
                continue;
            }

            var pending = list.Count(c => c.CalledAt is { } at && recipients[c.RecipientId].Response is null && at + timeout > now);
            var uncalled = list.Where(c => c.CalledAt is null && recipients[c.RecipientId].Response is null).ToList();
            var first = list.All(c => c.CalledAt is null);
            var need = Math.Max(0, target.Required - confirmed - pending);
            var toCall = first
                ? uncalled.Where(c => c.FirstWave).Concat(uncalled.Where(c => !c.FirstWave).Take(Math.Max(0, need - uncalled.Count(c => c.FirstWave)))).ToList()
                : uncalled.Take(need).ToList();
            if (toCall.Count == 0 && pending == 0)
            {
                target.State = TargetState.Exhausted;
                target.ClosedAt = now;
                events.Add($"{target.Label}: ikke nået – {confirmed} af {target.Required} har bekræftet, og der er ikke flere at kalde.");
                changed = true;
                continue;
            }

            foreach (var candidate in toCall)
            {
                candidate.CalledAt = now;
                calledCandidates.Add(candidate.Id);
                var recipient = recipients[candidate.RecipientId];
                if (recipient.CalledAt is null)
                {
                    recipient.CalledAt = now;
                    calledRecipients.Add(recipient.Id);
                }
            }

            if (toCall.Count > 0)
            {
                var names = string.Join(", ", toCall.Take(10).Select(c => recipients[c.RecipientId].Name + (c.StandsInFor is null ? "" : $" (stedfortræder for {c.StandsInFor})")));
                var more = toCall.Count > 10 ? $" og {toCall.Count - 10} andre" : "";
                events.Add(first
                    ? $"{target.Label}: kalder {names}{more}."
                    : $"{target.Label}: intet svar inden for {callOut.AnswerTimeoutMinutes} min – eskalerer til {names}{more}.");
                changed = true;
            }
        }

        // Channels per called person: SMS, then e-mail after the delay (at once if the SMS failed); in-app at once.
        var existing = attempts.ToDictionary(a => (a.RecipientId, a.Channel, a.Step), a => a.Status);
        var delay = TimeSpan.FromMinutes(callOut.ChannelDelayMinutes);
        foreach (var recipient in recipients.Values.Where(r => r.CalledAt is not null && r.Response is null))
        {
            var sequence = new List<CallOutChannel>();
            if (callOut.Channels.HasFlag(CallOutChannels.Sms) && recipient.Phone is not null)
            {
                sequence.Add(CallOutChannel.Sms);
            }

            if (callOut.Channels.HasFlag(CallOutChannels.Email) && recipient.Email is not null)
            {
                sequence.Add(CallOutChannel.Email);
            }

            for (var step = 0; step < sequence.Count; step++)
            {
                var key = (recipient.Id, sequence[step], step);
                if (existing.ContainsKey(key))
                {
                    continue;
                }

                var previousFailed = step > 0 && existing.GetValueOrDefault((recipient.Id, sequence[step - 1], step - 1)) == AttemptStatus.Failed;
                var due = recipient.CalledAt!.Value + (delay * step);
                if (due <= now || previousFailed)
                {
                    db.CallOutAttempts.Add(NewAttempt(callOut, recipient, sequence[step], step, now, AttemptStatus.Queued));
                    existing[key] = AttemptStatus.Queued;
                    changed = true;
                }

                break; // one channel at a time
            }

            if (callOut.Channels.HasFlag(CallOutChannels.App) && recipient.UserId is not null && !existing.ContainsKey((recipient.Id, CallOutChannel.App, 0)))
            {
                // In-app: shown to the signed-in user on Overblik at once; nothing leaves Stabsrum.
                var app = NewAttempt(callOut, recipient, CallOutChannel.App, 0, now, AttemptStatus.Delivered);
                app.SentAt = app.DeliveredAt = now;
                db.CallOutAttempts.Add(app);
                existing[(recipient.Id, CallOutChannel.App, 0)] = AttemptStatus.Delivered;
                changed = true;
            }

            if (sequence.Count == 0 && !callOut.Channels.HasFlag(CallOutChannels.App))
            {
                // No way to reach the person on the chosen channels: record it so the board shows "not reached".
                var key = (recipient.Id, CallOutChannel.Sms, 0);
                if (!existing.ContainsKey(key))
                {
                    var none = NewAttempt(callOut, recipient, CallOutChannel.Sms, 0, now, AttemptStatus.Failed);
                    none.Error = "Ingen telefon eller e-mail på de valgte kanaler.";
                    none.FailedAt = now;
                    db.CallOutAttempts.Add(none);
                    existing[key] = AttemptStatus.Failed;
                    changed = true;
                }
            }
        }

        if (targets.All(t => t.State != TargetState.Open))
        {
            callOut.Status = CallOutStatus.Completed;
            callOut.CompletedAt = now;
            var satisfied = targets.Count(t => t.State == TargetState.Satisfied);
            events.Add($"{KindText(callOut.Kind)} afsluttet: {satisfied} af {targets.Count} {(targets.Count == 1 ? "linje" : "linjer")} opfyldt.");
            changed = true;
        }

        if (!changed)
        {
            return false;
        }

        if (calledCandidates.Count > 0)
        {
            await db.CallOutCandidates.Where(c => calledCandidates.Contains(c.Id) && c.CalledAt == null).ExecuteUpdateAsync(u => u.SetProperty(c => c.CalledAt, now), ct);
        }

        if (calledRecipients.Count > 0)
        {
            await db.CallOutRecipients.Where(r => calledRecipients.Contains(r.Id) && r.CalledAt == null).ExecuteUpdateAsync(u => u.SetProperty(r => r.CalledAt, now), ct);
        }

        await db.SaveChangesAsync(ct);
        if (callOut.IncidentId is { } incidentId)
        {
            foreach (var text in events)
            {
                await log.AppendAsync(incidentId, new NewLogEntry(Guid.CreateVersion7(), LogEntryKind.MeldingUd, Shorten($"Alarmering: {text}"), Recipient: "Krisestaben"), ct);
            }
        }

        await transaction.CommitAsync(ct);
        return true;
    }

    private static CallOutAttempt NewAttempt(Alarmering callOut, CallOutRecipient recipient, CallOutChannel channel, int step, DateTimeOffset now, AttemptStatus status) => new()
    {
        OrganisationId = callOut.OrganisationId,
        CallOutId = callOut.Id,
        RecipientId = recipient.Id,
        Channel = channel,
        Step = step,
        Status = status,
        DueAt = now,
        CreatedAt = now,
    };

    public static string KindText(CallOutKind kind) => kind switch
    {
        CallOutKind.Exercise => "Øvelsesalarmering",
        CallOutKind.Test => "Prøvealarm",
        _ => "Alarmering",
    };

    public static string ChannelText(CallOutChannels channels) => string.Join(", ", new[]
    {
        channels.HasFlag(CallOutChannels.Sms) ? "SMS" : null,
        channels.HasFlag(CallOutChannels.Email) ? "e-mail" : null,
        channels.HasFlag(CallOutChannels.App) ? "i appen" : null,
    }.OfType<string>());

    public static string Shorten(string text) => text.Length > 3900 ? text[..3900] + " …" : text;
}
