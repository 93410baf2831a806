using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.CrisisLog;

/// <summary>What a caller wants written to an incident's log. <see cref="Id"/> is the caller's idempotency key.</summary>
public sealed record NewLogEntry(
    Guid Id,
    LogEntryKind Kind,
    string? Text,
    DateTimeOffset? OccurredAt = null,
    bool Significant = false,
    LogClassification Classification = LogClassification.Aaben,
    string? DecidedBy = null,
    string? Rationale = null,
    string? Recipient = null,
    Guid? CorrectsEntryId = null,
    Guid? AcknowledgesEntryId = null,
    string? HandoverOpen = null,
    string? HandoverWatch = null,
    LogSubject Subject = LogSubject.None);

public enum AppendOutcome
{
    Created,
    AlreadyStored,
    Conflict,
    Invalid,
    NotFound,
}

/// <summary>Who writes an entry: resolved from the request (user, display name, clearance) before it is queued.</summary>
public sealed record LogAuthor(Guid? UserId, string Name, bool Cleared);

/// <summary>One entry to append and who asks for it.</summary>
public sealed record LogSubmission(NewLogEntry Input, LogAuthor Author);

public sealed record AppendResult(AppendOutcome Outcome, CrisisLogEntry? Entry, ValidationErrors Errors)
{
    public bool Succeeded => Outcome is AppendOutcome.Created or AppendOutcome.AlreadyStored;
}

/// <summary>
/// The only way anything is written to a crisis log — by the log's own API and pages, and by other features
/// (warning triage, call-out, meetings, tasks) that record what they did. It validates, serialises writers per
/// incident (the incident row is locked by bumping its entry count), extends the hash chain, and announces the
/// entry on the incident's live stream once the transaction has committed.
/// If the caller already has a transaction open on the same DbContext, the entry joins it and the caller commits;
/// otherwise the entry is committed before this method returns.
/// </summary>
public sealed class CrisisLog(StabsrumDbContext db, CurrentOrganisation current, TimeProvider time, IncidentEvents events)
{
    /// <summary>Clock skew allowed between a client's "now" and ours before occurred-at counts as the future.</summary>
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(1);

    public async Task<AppendResult> AppendAsync(Guid incidentId, NewLogEntry input, CancellationToken ct = default) =>
        (await AppendManyAsync(incidentId, [new LogSubmission(input, await AuthorAsync(ct))], ct))[0];

    /// <summary>
    /// Several entries for one incident — from one writer or from many (<see cref="LogAppendQueue"/>) — under one
    /// lock of the incident: each is validated and answered on its own, in order; the ones accepted extend the chain
    /// one after another and are committed together.
    /// </summary>
    public async Task<AppendResult[]> AppendManyAsync(Guid incidentId, IReadOnlyList<LogSubmission> items, CancellationToken ct = default)
    {
        var now = LogChain.Truncate(time.GetUtcNow());
        var results = new AppendResult?[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var errors = Validate(items[i].Input, now);
            if (items[i].Input.Classification == LogClassification.Fortrolig && !items[i].Author.Cleared)
            {
                errors.Add("classification", "Du kan ikke skrive fortrolige poster uden sikkerhedsgodkendelse.");
            }

            results[i] = errors.Any ? new AppendResult(AppendOutcome.Invalid, null, errors) : null;
        }

        if (results.All(r => r is not null))
        {
            return results!;
        }

        var ownsTransaction = db.Database.CurrentTransaction is null;
        await using var transaction = ownsTransaction ? await db.Database.BeginTransactionAsync(ct) : null;

        // The lock: every writer to this incident updates the same row first, so they take turns (a row lock on
        // PostgreSQL, the database write lock on SQLite). Sequence and previous hash are read after it.
        if (await db.Incidents.Where(i => i.Id == incidentId).ExecuteUpdateAsync(s => s.SetProperty(i => i.LogCount, i => i.LogCount), ct) == 0)
        {
            return [.. results.Select(r => r ?? new AppendResult(AppendOutcome.NotFound, null, new ValidationErrors()))];
        }

        var head = await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId)
            .Select(i => new { i.OrganisationId, i.LogCount, i.LogHeadHash, i.Status }).SingleAsync(ct);
        var pending = Enumerable.Range(0, items.Count).Where(i => results[i] is null).ToList();
        var ids = pending.Select(i => items[i].Input.Id).Distinct().ToList();
        var existing = await db.CrisisLogEntries.IgnoreQueryFilters().AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var references = await ReferencesAsync(incidentId, pending.Select(i => items[i].Input), ct);

        var added = new List<CrisisLogEntry>();
        var (sequence, hash) = (head.LogCount, head.LogHeadHash);
        foreach (var i in pending)
        {
            var (input, author) = items[i];
            var errors = new ValidationErrors();
            if (existing.TryGetValue(input.Id, out var stored))
            {
                // A retry (the same content again, also within one batch) gets what was stored; other content under
                // a used id is refused.
                results[i] = stored.OrganisationId == head.OrganisationId && stored.IncidentId == incidentId && SameContent(stored, input)
                    ? new AppendResult(AppendOutcome.AlreadyStored, stored, errors)
                    : new AppendResult(AppendOutcome.Conflict, null, errors.Add("id", "Der findes allerede en post med dette id, men med andet indhold."));
                continue;
            }

            if (head.Status == IncidentStatus.Afsluttet)
            {
                errors.Add("incident", "Hændelsen er afsluttet; loggen er lukket.");
            }

            ValidateReferences(input, references, errors);
            if (errors.Any)
            {
                results[i] = new AppendResult(AppendOutcome.Invalid, null, errors);
                continue;
            }

            var entry = NewEntry(incidentId, head.OrganisationId, ++sequence, hash, input, author, now);
            hash = entry.Hash;
            existing[entry.Id] = entry;
            references.Add(entry);
            added.Add(entry);
            results[i] = new AppendResult(AppendOutcome.Created, entry, errors);
        }

        if (added.Count == 0)
        {
            return results!;
        }

        db.CrisisLogEntries.AddRange(added);
        await db.SaveChangesAsync(ct);
        await db.Incidents.Where(i => i.Id == incidentId).ExecuteUpdateAsync(s => s.SetProperty(i => i.LogCount, sequence).SetProperty(i => i.LogHeadHash, hash), ct);
        await events.AnnounceAfterCommitAsync(db, new IncidentSignal(head.OrganisationId, incidentId, sequence), ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return results!;
    }

    /// <summary>Whether the current user may read fortrolig entries. The system (CLI, jobs) may.</summary>
    public async Task<bool> HasClearanceAsync(CancellationToken ct = default) => (await AuthorAsync(ct)).Cleared;

    /// <summary>Who writes, as the log records it: the signed-in user's display name and clearance, or the system.</summary>
    public async Task<LogAuthor> AuthorAsync(CancellationToken ct = default)
    {
        if (current.UserId is not { } userId)
        {
            return new LogAuthor(null, current.UserName ?? "system", true);
        }

        var found = await (from m in db.Memberships.AsNoTracking()
                           join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                           where m.UserId == userId
                           select new { u.DisplayName, Cleared = EF.Property<bool>(m, MembershipCrisisColumns.Clearance) }).FirstOrDefaultAsync(ct);
        return found is null ? new LogAuthor(userId, current.UserName ?? "ukendt", false) : new LogAuthor(userId, found.DisplayName, found.Cleared);
    }

    private static CrisisLogEntry NewEntry(Guid incidentId, Guid organisationId, long sequence, string previousHash, NewLogEntry input, LogAuthor author, DateTimeOffset now)
    {
        var entry = new CrisisLogEntry
        {
            Id = input.Id,
            OrganisationId = organisationId,
            IncidentId = incidentId,
            Sequence = sequence,
            Kind = input.Kind,
            Text = input.Text!.Trim(),
            DecidedBy = Clean(input.DecidedBy),
            Rationale = Clean(input.Rationale),
            Recipient = Clean(input.Recipient),
            OccurredAt = LogChain.Truncate(input.OccurredAt ?? now),
            RecordedAt = now,
            Significant = input.Significant,
            Classification = input.Classification,
            CorrectsEntryId = input.CorrectsEntryId,
            AcknowledgesEntryId = input.AcknowledgesEntryId,
            Subject = input.Subject,
            HandoverOpen = Clean(input.HandoverOpen),
            HandoverWatch = Clean(input.HandoverWatch),
            AuthorUserId = author.UserId,
            AuthorName = author.Name,
            PreviousHash = previousHash,
            Hash = "",
        };
        entry.Hash = LogChain.Compute(entry.PreviousHash, entry);
        return entry;
    }

    private static ValidationErrors Validate(NewLogEntry input, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (input.Id == Guid.Empty)
        {
            errors.Add("id", "Postens id skal være et UUID, som klienten vælger.");
        }

        if (!Enum.IsDefined(input.Kind))
        {
            errors.Add("kind", "Ukendt posttype.");
        }

        errors.Required("text", input.Text, "Teksten", CrisisLogEntry.MaxTextLength);
        if (input.OccurredAt is { } occurred)
        {
            if (occurred > now + FutureTolerance)
            {
                errors.Add("occurredAt", "Tidspunktet for hændelsen kan ikke ligge i fremtiden.");
            }
            else if (occurred < new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero))
            {
                errors.Add("occurredAt", "Tidspunktet for hændelsen er ugyldigt.");
            }
        }

        if (input.Kind == LogEntryKind.Beslutning)
        {
            errors.Required("decidedBy", input.DecidedBy, "Besluttet af");
            errors.Required("rationale", input.Rationale, "Begrundelse", 4000);
        }
        else
        {
            errors.Optional("decidedBy", input.DecidedBy, "Besluttet af", 200);
            errors.Optional("rationale", input.Rationale, "Begrundelse", 4000);
        }

        if (input.Kind == LogEntryKind.Ordre)
        {
            errors.Required("recipient", input.Recipient, "Modtager");
        }
        else
        {
            errors.Optional("recipient", input.Recipient, "Modtager", 200);
        }

        if (input.Kind == LogEntryKind.Vagtskifte && input.AcknowledgesEntryId is null)
        {
            errors.Required("handoverOpen", input.HandoverOpen, "Hvad er åbent", 4000);
            errors.Optional("handoverWatch", input.HandoverWatch, "Hvad skal følges", 4000);
        }
        else
        {
            errors.Optional("handoverOpen", input.HandoverOpen, "Hvad er åbent", 4000);
            errors.Optional("handoverWatch", input.HandoverWatch, "Hvad skal følges", 4000);
        }

        if (!Enum.IsDefined(input.Classification))
        {
            errors.Add("classification", "Klassifikationen skal være åben eller fortrolig.");
        }

        return errors;
    }

    /// <summary>The entries of this incident that the batch refers to (corrected entries, handovers acknowledged).</summary>
    private async Task<List<CrisisLogEntry>> ReferencesAsync(Guid incidentId, IEnumerable<NewLogEntry> inputs, CancellationToken ct)
    {
        var ids = inputs.SelectMany(i => new[] { i.CorrectsEntryId, i.AcknowledgesEntryId }).OfType<Guid>().Distinct().ToList();
        return ids.Count == 0 ? [] : await db.CrisisLogEntries.AsNoTracking().Where(e => ids.Contains(e.Id) && e.IncidentId == incidentId).ToListAsync(ct);
    }

    private static void ValidateReferences(NewLogEntry input, List<CrisisLogEntry> references, ValidationErrors errors)
    {
        if (input.CorrectsEntryId is { } corrected && !references.Any(e => e.Id == corrected))
        {
            errors.Add("correctsEntryId", "Rettelsen skal pege på en post i samme hændelses log.");
        }

        if (input.AcknowledgesEntryId is { } handover && !references.Any(e => e.Id == handover && e.Subject == LogSubject.Handover))
        {
            errors.Add("acknowledgesEntryId", "Kvitteringen skal pege på et vagtskifte i samme hændelse.");
        }
    }

    private static bool SameContent(CrisisLogEntry e, NewLogEntry input) =>
        e.Kind == input.Kind
        && e.Text == input.Text?.Trim()
        && e.DecidedBy == Clean(input.DecidedBy)
        && e.Rationale == Clean(input.Rationale)
        && e.Recipient == Clean(input.Recipient)
        && e.Significant == input.Significant
        && e.Classification == input.Classification
        && e.CorrectsEntryId == input.CorrectsEntryId
        && e.AcknowledgesEntryId == input.AcknowledgesEntryId
        && e.HandoverOpen == Clean(input.HandoverOpen)
        && e.HandoverWatch == Clean(input.HandoverWatch)
        && (input.OccurredAt is null || e.OccurredAt == LogChain.Truncate(input.OccurredAt.Value));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
