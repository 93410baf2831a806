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

    public async Task<AppendResult> AppendAsync(Guid incidentId, NewLogEntry input, CancellationToken ct = default)
    {
        var now = LogChain.Truncate(time.GetUtcNow());
        var errors = Validate(input, now);
        var author = await AuthorAsync(ct);
        if (input.Classification == LogClassification.Fortrolig && !author.Cleared)
        {
            errors.Add("classification", "Du kan ikke skrive fortrolige poster uden sikkerhedsgodkendelse.");
        }

        if (errors.Any)
        {
            return new AppendResult(AppendOutcome.Invalid, null, errors);
        }

        var ownsTransaction = db.Database.CurrentTransaction is null;
        await using var transaction = ownsTransaction ? await db.Database.BeginTransactionAsync(ct) : null;

        // The lock: every writer to this incident updates the same row first, so they take turns (a row lock on
        // PostgreSQL, the database write lock on SQLite). Sequence and previous hash are read after it.
        var locked = await db.Incidents.Where(i => i.Id == incidentId).ExecuteUpdateAsync(s => s.SetProperty(i => i.LogCount, i => i.LogCount + 1), ct);
        if (locked == 0)
        {
            return new AppendResult(AppendOutcome.NotFound, null, errors);
        }

        var head = await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId)
            .Select(i => new { i.OrganisationId, i.LogCount, i.LogHeadHash, i.Status }).SingleAsync(ct);

        var existing = await db.CrisisLogEntries.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(e => e.Id == input.Id, ct);
        if (existing is not null)
        {
            await RollBackAsync(transaction, ownsTransaction, incidentId, ct);
            var same = existing.OrganisationId == head.OrganisationId && existing.IncidentId == incidentId && SameContent(existing, input);
            return same
                ? new AppendResult(AppendOutcome.AlreadyStored, existing, errors)
                : new AppendResult(AppendOutcome.Conflict, null, errors.Add("id", "Der findes allerede en post med dette id, men med andet indhold."));
        }

        if (head.Status == IncidentStatus.Afsluttet)
        {
            errors.Add("incident", "Hændelsen er afsluttet; loggen er lukket.");
        }

        await ValidateReferencesAsync(incidentId, input, errors, ct);
        if (errors.Any)
        {
            await RollBackAsync(transaction, ownsTransaction, incidentId, ct);
            return new AppendResult(AppendOutcome.Invalid, null, errors);
        }

        var entry = new CrisisLogEntry
        {
            Id = input.Id,
            OrganisationId = head.OrganisationId,
            IncidentId = incidentId,
            Sequence = head.LogCount,
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
            AuthorUserId = current.UserId,
            AuthorName = author.Name,
            PreviousHash = head.LogHeadHash,
            Hash = "",
        };
        entry.Hash = LogChain.Compute(entry.PreviousHash, entry);
        db.CrisisLogEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        await db.Incidents.Where(i => i.Id == incidentId).ExecuteUpdateAsync(s => s.SetProperty(i => i.LogHeadHash, entry.Hash), ct);
        await events.AnnounceAfterCommitAsync(db, new IncidentSignal(entry.OrganisationId, incidentId, entry.Sequence), ct);

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return new AppendResult(AppendOutcome.Created, entry, errors);
    }

    /// <summary>Whether the current user may read fortrolig entries. The system (CLI, jobs) may.</summary>
    public async Task<bool> HasClearanceAsync(CancellationToken ct = default) => (await AuthorAsync(ct)).Cleared;

    private async Task<(string Name, bool Cleared)> AuthorAsync(CancellationToken ct)
    {
        if (current.UserId is not { } userId)
        {
            return (current.UserName ?? "system", true);
        }

        var found = await (from m in db.Memberships.AsNoTracking()
                           join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                           where m.UserId == userId
                           select new { u.DisplayName, Cleared = EF.Property<bool>(m, MembershipCrisisColumns.Clearance) }).FirstOrDefaultAsync(ct);
        return found is null ? (current.UserName ?? "ukendt", false) : (found.DisplayName, found.Cleared);
    }

    private async Task RollBackAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction, bool owns, Guid incidentId, CancellationToken ct)
    {
        if (owns && transaction is not null)
        {
            await transaction.RollbackAsync(ct);
        }
        else
        {
            // Inside the caller's transaction: give back the number we took.
            await db.Incidents.Where(i => i.Id == incidentId).ExecuteUpdateAsync(s => s.SetProperty(i => i.LogCount, i => i.LogCount - 1), ct);
        }
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

    private async Task ValidateReferencesAsync(Guid incidentId, NewLogEntry input, ValidationErrors errors, CancellationToken ct)
    {
        if (input.CorrectsEntryId is { } corrected
            && !await db.CrisisLogEntries.AnyAsync(e => e.Id == corrected && e.IncidentId == incidentId, ct))
        {
            errors.Add("correctsEntryId", "Rettelsen skal pege på en post i samme hændelses log.");
        }

        if (input.AcknowledgesEntryId is { } handover
            && !await db.CrisisLogEntries.AnyAsync(e => e.Id == handover && e.IncidentId == incidentId && e.Subject == LogSubject.Handover, ct))
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
