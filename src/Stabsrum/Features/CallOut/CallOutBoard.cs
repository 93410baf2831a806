using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.CallOut;

public sealed record AttemptDto(Guid Id, CallOutChannel Channel, int Step, AttemptStatus Status, int Tries, string? ProviderMessageId, string? Error, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset? DeliveredAt, DateTimeOffset? FailedAt);

public sealed record RecipientDto(
    Guid Id, Guid PersonId, string Name, string? Phone, string? Email, DateTimeOffset? CalledAt, AnswerResponse? Response, int? EtaMinutes,
    DateTimeOffset? ArrivesAt, DateTimeOffset? AnsweredAt, AnswerSource? AnswerSource, DateTimeOffset? CheckedInAt, IReadOnlyList<AttemptDto> Attempts)
{
    /// <summary>Called, every message failed, no answer.</summary>
    public bool NotReached => Response is null && CalledAt is not null && Attempts.Count > 0 && Attempts.All(a => a.Status == AttemptStatus.Failed);
}

public sealed record TargetDto(
    Guid Id, int Position, string Label, TargetMode Mode, int Required, TargetState State,
    int Confirmed, int OnTheWay, int Declined, int NotReached, int Waiting, int CheckedIn, IReadOnlyList<Guid> RecipientIds);

public sealed record AnswerDto(Guid Id, Guid? RecipientId, AnswerResponse Response, int? EtaMinutes, AnswerSource Source, string? RawText, string? FromPhone, DateTimeOffset ReceivedAt);

public sealed record CallOutDto(
    Guid Id, Guid? IncidentId, CallOutKind Kind, string Title, string Message, IReadOnlyList<CallOutChannel> Channels, CallOutStatus Status,
    int ChannelDelayMinutes, int AnswerTimeoutMinutes, string CreatedBy, DateTimeOffset CreatedAt, string? ConfirmedBy, DateTimeOffset? ConfirmedAt,
    DateTimeOffset? CompletedAt, int LeftOut, int RecipientCount, int FullyEstablishedMinutes, bool NeedsSecondConfirmation,
    IReadOnlyList<TargetDto> Targets, IReadOnlyList<RecipientDto> Recipients, IReadOnlyList<AnswerDto> UnreadableAnswers);

public sealed record CallOutSummaryDto(Guid Id, Guid? IncidentId, CallOutKind Kind, string Title, CallOutStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? ConfirmedAt, int Recipients, int Confirmed);

/// <summary>The staffing board's numbers, read in a handful of queries; the API, the page and the board partial share it.</summary>
public sealed class CallOutBoard(StabsrumDbContext db, Microsoft.Extensions.Options.IOptions<CallOutOptions> options)
{
    public async Task<CallOutDto?> GetAsync(Guid id, CancellationToken ct)
    {
        var c = await db.CallOuts.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return null;
        }

        var targets = await db.CallOutTargets.AsNoTracking().Where(t => t.CallOutId == id).OrderBy(t => t.Position).ToListAsync(ct);
        var targetIds = targets.Select(t => t.Id).ToList();
        var candidates = (await db.CallOutCandidates.AsNoTracking().Where(x => targetIds.Contains(x.TargetId)).OrderBy(x => x.Position)
            .Select(x => new { x.TargetId, x.RecipientId }).ToListAsync(ct)).ToLookup(x => x.TargetId, x => x.RecipientId);
        var attempts = (await db.CallOutAttempts.AsNoTracking().Where(a => a.CallOutId == id).OrderBy(a => a.CreatedAt).ToListAsync(ct))
            .ToLookup(a => a.RecipientId, a => new AttemptDto(a.Id, a.Channel, a.Step, a.Status, a.Tries, a.ProviderMessageId, a.Error, a.CreatedAt, a.SentAt, a.DeliveredAt, a.FailedAt));
        var recipients = (await db.CallOutRecipients.AsNoTracking().Where(r => r.CallOutId == id).ToListAsync(ct))
            .Select(r => new RecipientDto(r.Id, r.PersonId, r.Name, r.Phone, r.Email, r.CalledAt, r.Response, r.EtaMinutes,
                r.Response == AnswerResponse.Kommer && r.EtaMinutes is { } eta && r.AnsweredAt is { } at ? at.AddMinutes(eta) : null,
                r.AnsweredAt, r.AnswerSource, r.CheckedInAt, attempts[r.Id].ToList()))
            .OrderBy(r => r.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("da-DK"), false)).ToList();
        var byId = recipients.ToDictionary(r => r.Id);
        var unreadable = await db.CallOutAnswers.AsNoTracking().Where(a => a.CallOutId == id && a.Response == AnswerResponse.Ukendt)
            .OrderByDescending(a => a.ReceivedAt).Take(100)
            .Select(a => new AnswerDto(a.Id, a.RecipientId, a.Response, a.EtaMinutes, a.Source, a.RawText, a.FromPhone, a.ReceivedAt)).ToListAsync(ct);
        var fully = await db.CallOutSettings.AsNoTracking().Select(s => (int?)s.FullyEstablishedMinutes).FirstOrDefaultAsync(ct) ?? 120;
        var counted = StaffingAllocation.Assign(targets.Select(t => new StaffingPlace(t.Id, t.Required, candidates[t.Id].ToList())),
            r => byId[r].Response == AnswerResponse.Kommer);
        var targetDtos = targets.Select(t =>
        {
            var people = candidates[t.Id].Select(r => byId[r]).ToList();
            var coming = counted[t.Id].Select(r => byId[r]).ToList();
            return new TargetDto(t.Id, t.Position, t.Label, t.Mode, t.Required, t.State,
                Confirmed: coming.Count,
                OnTheWay: coming.Count(p => p.CheckedInAt is null),
                Declined: people.Count(p => p.Response == AnswerResponse.KanIkke),
                NotReached: people.Count(p => p.NotReached),
                Waiting: people.Count(p => p.CalledAt is not null && p.Response is null && !p.NotReached),
                CheckedIn: people.Count(p => p.CheckedInAt is not null),
                RecipientIds: people.Select(p => p.Id).ToList());
        }).ToList();
        var channels = Enum.GetValues<CallOutChannel>().Where(ch => c.Channels.HasFlag(ch switch { CallOutChannel.Sms => CallOutChannels.Sms, CallOutChannel.Email => CallOutChannels.Email, _ => CallOutChannels.App })).ToList();
        return new CallOutDto(c.Id, c.IncidentId, c.Kind, c.Title, c.Message, channels, c.Status, c.ChannelDelayMinutes, c.AnswerTimeoutMinutes,
            c.CreatedBy, c.CreatedAt, c.ConfirmedBy, c.ConfirmedAt, c.CompletedAt, c.LeftOut, recipients.Count, fully,
            c.Kind == CallOutKind.Real && recipients.Count > options.Value.LargeCallOutThreshold, targetDtos, recipients, unreadable);
    }

    public Task<List<CallOutSummaryDto>> ListAsync(Guid? incidentId, bool tests, CancellationToken ct)
    {
        var recipients = db.Set<CallOutRecipient>();
        return db.CallOuts.AsNoTracking()
            .Where(c => tests ? c.Kind == CallOutKind.Test : c.IncidentId == incidentId)
            .OrderByDescending(c => c.CreatedAt)
            .Select(c => new CallOutSummaryDto(c.Id, c.IncidentId, c.Kind, c.Title, c.Status, c.CreatedAt, c.ConfirmedAt,
                recipients.Count(r => r.CallOutId == c.Id),
                recipients.Count(r => r.CallOutId == c.Id && r.Response == AnswerResponse.Kommer)))
            .Take(100).ToListAsync(ct);
    }
}
