using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Features.Situation;

public sealed record UnitSectionInput(string? Unit, string? Text);

public sealed record SituationInput(
    string? Overall, string? Consequences, string? ResourcesCommitted, string? ResourcesAvailable, string? ResourcesNeeded,
    string? ExpectedDevelopment, string? Communication, string? Decisions, DateTimeOffset? NextMeetingAt, DateTimeOffset? NextUpdateDue,
    IReadOnlyList<UnitSectionInput>? Units);

/// <summary>A log entry logged since the last published version that the author may take into the new draft.</summary>
public sealed record SinceItem(Guid EntryId, long Sequence, string Kind, string KindName, string Text, string? Unit, DateTimeOffset OccurredAt, bool IsLevelChange);

public enum SituationOutcome
{
    Ok,
    Created,
    NotFound,
    Invalid,
    Conflict,
}

public sealed record SituationResult(SituationOutcome Outcome, SituationPicture? Picture, ValidationErrors Errors);

/// <summary>
/// Drafting and publishing situation pictures. A new draft copies the last published version; the author then picks
/// which decisions, orders, level changes and unit reports logged since then go into it. Publishing freezes the
/// version and writes it to the log (which announces it on the incident's live stream).
/// </summary>
public sealed class SituationPictures(StabsrumDbContext db, CrisisLog.CrisisLog log, CurrentOrganisation current, TimeProvider time)
{
    public Task<SituationPicture?> FindAsync(Guid incidentId, Guid pictureId, CancellationToken ct) =>
        db.SituationPictures.AsNoTracking().Include(p => p.Units.OrderBy(u => u.SortOrder))
            .SingleOrDefaultAsync(p => p.Id == pictureId && p.IncidentId == incidentId, ct);

    public Task<List<SituationPicture>> ListAsync(Guid incidentId, CancellationToken ct) =>
        db.SituationPictures.AsNoTracking().Include(p => p.Units.OrderBy(u => u.SortOrder))
            .Where(p => p.IncidentId == incidentId).OrderByDescending(p => p.Version).ToListAsync(ct);

    public Task<SituationPicture?> LastPublishedAsync(Guid incidentId, CancellationToken ct) =>
        db.SituationPictures.AsNoTracking().Include(p => p.Units.OrderBy(u => u.SortOrder))
            .Where(p => p.IncidentId == incidentId && p.Status == SituationStatus.Offentliggjort)
            .OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);

    /// <summary>Decisions, orders, level changes and unit reports logged after the last published version, oldest first.</summary>
    public async Task<List<SinceItem>> SinceLastPublishedAsync(Guid incidentId, CancellationToken ct)
    {
        var last = await LastPublishedAsync(incidentId, ct);
        var after = 0L;
        if (last?.PublishedEntryId is { } entryId)
        {
            after = await db.CrisisLogEntries.AsNoTracking().Where(e => e.Id == entryId).Select(e => e.Sequence).SingleOrDefaultAsync(ct);
        }

        var cleared = await log.HasClearanceAsync(ct);
        var entries = await db.CrisisLogEntries.AsNoTracking()
            .Where(e => e.IncidentId == incidentId && e.Sequence > after
                && (e.Kind == LogEntryKind.Beslutning || e.Kind == LogEntryKind.Ordre || e.Kind == LogEntryKind.MeldingInd || e.Subject == LogSubject.Level)
                && (cleared || e.Classification == LogClassification.Aaben))
            .OrderBy(e => e.Sequence).ToListAsync(ct);
        var ids = entries.Select(e => e.Id).ToList();
        var units = await db.UnitReports.AsNoTracking().Where(r => r.IncidentId == incidentId && ids.Contains(r.LogEntryId))
            .Select(r => new { r.LogEntryId, r.Unit }).ToDictionaryAsync(r => r.LogEntryId, r => r.Unit, ct);
        return entries.Select(e => new SinceItem(e.Id, e.Sequence, e.Kind.ToString(), LogEntryView.KindName(e.Kind), Describe(e),
            units.GetValueOrDefault(e.Id), e.OccurredAt, e.Subject == LogSubject.Level)).ToList();
    }

    /// <summary>Starts the next version from the last published one plus the picked log entries. The id makes it idempotent.</summary>
    public async Task<SituationResult> StartDraftAsync(Guid incidentId, Guid id, IReadOnlyCollection<Guid> include, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (id == Guid.Empty)
        {
            return new SituationResult(SituationOutcome.Invalid, null, errors.Add("id", "Kladdens id skal være et UUID, som klienten vælger."));
        }

        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId).Select(i => new { i.Status, i.LogCount }).SingleOrDefaultAsync(ct);
        if (incident is null)
        {
            return new SituationResult(SituationOutcome.NotFound, null, errors);
        }

        if (await FindAsync(incidentId, id, ct) is { } existing)
        {
            return new SituationResult(SituationOutcome.Ok, existing, errors);
        }

        if (incident.Status == IncidentStatus.Afsluttet)
        {
            return new SituationResult(SituationOutcome.Invalid, null, errors.Add("incident", "Hændelsen er afsluttet; der kan ikke laves nye situationsbilleder."));
        }

        var draft = await db.SituationPictures.AsNoTracking().Where(p => p.IncidentId == incidentId && p.Status == SituationStatus.Kladde)
            .Select(p => new { p.Version }).FirstOrDefaultAsync(ct);
        if (draft is not null)
        {
            return new SituationResult(SituationOutcome.Conflict, null, errors.Add("id", $"Der er allerede en kladde (version {draft.Version}). Offentliggør eller redigér den."));
        }

        var since = await SinceLastPublishedAsync(incidentId, ct);
        var unknown = include.Where(e => since.All(s => s.EntryId != e)).ToList();
        if (unknown.Count > 0)
        {
            return new SituationResult(SituationOutcome.Invalid, null, errors.Add("include", "Kun beslutninger, ordrer, niveauskift og meldinger logget siden sidste version kan tages med."));
        }

        var last = await LastPublishedAsync(incidentId, ct);
        var version = await db.SituationPictures.Where(p => p.IncidentId == incidentId).MaxAsync(p => (int?)p.Version, ct) ?? 0;
        var picture = new SituationPicture
        {
            Id = id,
            IncidentId = incidentId,
            Version = version + 1,
            Status = SituationStatus.Kladde,
            SeededThroughSequence = incident.LogCount,
            CreatedAt = time.GetUtcNow(),
            CreatedBy = current.UserName ?? "system",
        };
        if (last is not null)
        {
            foreach (var section in SituationSections.All.Where(s => s.Key != "decisions"))
            {
                section.Write(picture, section.Read(last));
            }

            picture.NextMeetingAt = last.NextMeetingAt;
            picture.NextUpdateDue = last.NextUpdateDue;
            picture.Units = last.Units.OrderBy(u => u.SortOrder).Select(u => new SituationUnitSection { Unit = u.Unit, Text = u.Text, SortOrder = u.SortOrder }).ToList();
        }

        ApplyPicked(picture, since.Where(s => include.Contains(s.EntryId)));
        db.SituationPictures.Add(picture);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another author started a draft of the same version at the same moment.
            return new SituationResult(SituationOutcome.Conflict, null, errors.Add("id", "En anden har netop startet en kladde. Genindlæs siden."));
        }

        return new SituationResult(SituationOutcome.Created, picture, errors);
    }

    /// <summary>Puts picked log entries into the draft: unit reports into the unit's own section, the rest under decisions.</summary>
    public static void ApplyPicked(SituationPicture picture, IEnumerable<SinceItem> picked)
    {
        foreach (var item in picked)
        {
            var line = $"- {DanishTime.Format(item.OccurredAt)} ({item.KindName}, log nr. {item.Sequence}): {item.Text}";
            if (item.Unit is { } unit)
            {
                var section = picture.Units.FirstOrDefault(u => string.Equals(u.Unit, unit, StringComparison.OrdinalIgnoreCase));
                if (section is null)
                {
                    section = new SituationUnitSection { Unit = unit, SortOrder = picture.Units.Count == 0 ? 1 : picture.Units.Max(u => u.SortOrder) + 1 };
                    picture.Units.Add(section);
                }

                section.Text = Append(section.Text, line);
            }
            else
            {
                picture.Decisions = Append(picture.Decisions, line);
            }
        }
    }

    public async Task<SituationResult> UpdateDraftAsync(Guid incidentId, Guid pictureId, SituationInput input, CancellationToken ct)
    {
        var errors = Validate(input);
        var picture = await db.SituationPictures.Include(p => p.Units).SingleOrDefaultAsync(p => p.Id == pictureId && p.IncidentId == incidentId, ct);
        if (picture is null)
        {
            return new SituationResult(SituationOutcome.NotFound, null, errors);
        }

        if (picture.Status != SituationStatus.Kladde)
        {
            return new SituationResult(SituationOutcome.Conflict, null, errors.Add("status", $"Version {picture.Version} er offentliggjort og kan ikke ændres. Start en ny kladde."));
        }

        if (errors.Any)
        {
            return new SituationResult(SituationOutcome.Invalid, null, errors);
        }

        picture.Overall = Clean(input.Overall);
        picture.Consequences = Clean(input.Consequences);
        picture.ResourcesCommitted = Clean(input.ResourcesCommitted);
        picture.ResourcesAvailable = Clean(input.ResourcesAvailable);
        picture.ResourcesNeeded = Clean(input.ResourcesNeeded);
        picture.ExpectedDevelopment = Clean(input.ExpectedDevelopment);
        picture.Communication = Clean(input.Communication);
        picture.Decisions = Clean(input.Decisions);
        picture.NextMeetingAt = input.NextMeetingAt?.ToUniversalTime();
        picture.NextUpdateDue = input.NextUpdateDue?.ToUniversalTime();
        db.SituationUnitSections.RemoveRange(picture.Units);
        var order = 0;
        foreach (var unit in (input.Units ?? []).Where(u => !string.IsNullOrWhiteSpace(u.Unit)))
        {
            db.SituationUnitSections.Add(new SituationUnitSection { PictureId = picture.Id, Unit = unit.Unit!.Trim(), Text = Clean(unit.Text), SortOrder = ++order });
        }

        await db.SaveChangesAsync(ct);
        return new SituationResult(SituationOutcome.Ok, await FindAsync(incidentId, pictureId, ct), errors);
    }

    /// <summary>Freezes the draft and writes "version n offentliggjort" to the log, in one transaction. Publishing twice answers the same.</summary>
    public async Task<SituationResult> PublishAsync(Guid incidentId, Guid pictureId, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var picture = await db.SituationPictures.SingleOrDefaultAsync(p => p.Id == pictureId && p.IncidentId == incidentId, ct);
        if (picture is null)
        {
            return new SituationResult(SituationOutcome.NotFound, null, errors);
        }

        if (picture.Status == SituationStatus.Offentliggjort)
        {
            return new SituationResult(SituationOutcome.Ok, await FindAsync(incidentId, pictureId, ct), errors);
        }

        if (string.IsNullOrWhiteSpace(picture.Overall))
        {
            return new SituationResult(SituationOutcome.Invalid, null, errors.Add("overall", "Den samlede situation skal udfyldes, før situationsbilledet offentliggøres."));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var entryId = Guid.CreateVersion7();
        var summary = picture.Overall.Length > 300 ? picture.Overall[..300] + " …" : picture.Overall;
        var appended = await log.AppendAsync(incidentId, new NewLogEntry(entryId, LogEntryKind.Information,
            $"Situationsbillede version {picture.Version} offentliggjort. {summary}", Significant: true), ct);
        if (!appended.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            return new SituationResult(appended.Outcome == AppendOutcome.NotFound ? SituationOutcome.NotFound : SituationOutcome.Invalid, null, appended.Errors);
        }

        picture.Status = SituationStatus.Offentliggjort;
        picture.PublishedAt = appended.Entry!.RecordedAt;
        picture.PublishedBy = appended.Entry.AuthorName;
        picture.PublishedEntryId = entryId;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new SituationResult(SituationOutcome.Ok, await FindAsync(incidentId, pictureId, ct), errors);
    }

    public static ValidationErrors Validate(SituationInput input)
    {
        var errors = new ValidationErrors();
        foreach (var (key, value) in new[]
        {
            ("overall", input.Overall), ("consequences", input.Consequences), ("resourcesCommitted", input.ResourcesCommitted),
            ("resourcesAvailable", input.ResourcesAvailable), ("resourcesNeeded", input.ResourcesNeeded), ("expectedDevelopment", input.ExpectedDevelopment),
            ("communication", input.Communication), ("decisions", input.Decisions),
        })
        {
            var title = SituationSections.All.Single(s => s.Key == key).Title;
            errors.Optional(key, value, title, SituationPicture.MaxSectionLength);
        }

        var units = input.Units ?? [];
        if (units.Count > 50)
        {
            errors.Add("units", "Højst 50 enheder i et situationsbillede.");
        }

        foreach (var unit in units)
        {
            if (string.IsNullOrWhiteSpace(unit.Unit) && !string.IsNullOrWhiteSpace(unit.Text))
            {
                errors.Add("units", "En enheds afsnit skal have enhedens navn.");
            }

            errors.Optional("units", unit.Unit, "Enhedens navn", 200).Optional("units", unit.Text, "Enhedens afsnit", SituationPicture.MaxSectionLength);
        }

        var names = units.Where(u => !string.IsNullOrWhiteSpace(u.Unit)).Select(u => u.Unit!.Trim()).ToList();
        if (names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Count)
        {
            errors.Add("units", "Hver enhed må kun have ét afsnit.");
        }

        if (input.NextMeetingAt is { } meeting && meeting.Year < 2000)
        {
            errors.Add("nextMeetingAt", "Tidspunktet for næste møde er ugyldigt.");
        }

        if (input.NextUpdateDue is { } due && due.Year < 2000)
        {
            errors.Add("nextUpdateDue", "Tidspunktet for næste opdatering er ugyldigt.");
        }

        return errors;
    }

    private static string Describe(CrisisLogEntry e)
    {
        var text = e.Text;
        if (e.DecidedBy is not null)
        {
            text += $" (besluttet af {e.DecidedBy})";
        }

        if (e.Recipient is not null)
        {
            text += $" (til {e.Recipient})";
        }

        return text;
    }

    private static string Append(string existing, string line) => string.IsNullOrWhiteSpace(existing) ? line : existing.TrimEnd() + "\n" + line;

    private static string Clean(string? value) => value?.Trim().Replace("\r\n", "\n", StringComparison.Ordinal) ?? "";
}
