using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Warnings.Cap;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Warnings;

public enum IntakeOutcome
{
    Created,
    Duplicate,
    Refused,
}

public sealed record IntakeResult(IntakeOutcome Outcome, Warning? Warning, IReadOnlyList<string> Errors)
{
    public static IntakeResult Refused(IReadOnlyList<string> errors) => new(IntakeOutcome.Refused, null, errors);
}

/// <summary>Where a CAP document came from: who (a user or a feed) and, for feeds, the document's address.</summary>
public sealed record CapSource(WarningOrigin Origin, string ReceivedBy, string? SourceName = null, string? SourceUrl = null, Guid? FeedId = null);

public sealed record ManualWarningInput(Guid? Id, string? Source, string? Headline, string? Text, DateTimeOffset? ReceivedAt, string? ReceivedBy);

/// <summary>
/// The one way a warning enters Stabsrum (API, pages, feed polling): parse and validate, deduplicate
/// (sender + identifier + sent), link Update/Cancel to the alerts they reference, decide relevance,
/// notify the duty person, and store it all in one SaveChanges, so a refused or failed intake stores nothing.
/// </summary>
public sealed class WarningIntake(StabsrumDbContext db, CurrentOrganisation current, TimeProvider time, IWarningNotifier notifier)
{
    public const string ManualSender = "manuel";

    public async Task<IntakeResult> IngestCapAsync(ReadOnlyMemory<byte> xml, CapSource source, CancellationToken ct, int maxBytes = SafeXml.DefaultMaxBytes)
    {
        var parsed = CapParser.Parse(xml, maxBytes);
        if (parsed.Alert is not { } alert)
        {
            return IntakeResult.Refused(parsed.Errors);
        }

        var sent = alert.Sent.ToUniversalTime();
        if (await FindAsync(alert.Sender, alert.Identifier, sent, ct) is { } existing)
        {
            return new IntakeResult(IntakeOutcome.Duplicate, existing, []);
        }

        var organisationId = current.RequireOrganisationId();
        var now = time.GetUtcNow();
        var info = alert.PreferredInfo;
        var warning = new Warning
        {
            OrganisationId = organisationId,
            Origin = source.Origin,
            Sender = Clip(alert.Sender, 500)!,
            Identifier = Clip(alert.Identifier, 500)!,
            Sent = sent,
            Status = alert.Status,
            MsgType = alert.MsgType,
            Scope = alert.Scope,
            Event = Clip(info?.Event, 500),
            Headline = Clip(info?.Headline ?? info?.Event ?? alert.Note ?? alert.Identifier, 1000),
            Description = info?.Description,
            Urgency = info?.Urgency,
            Severity = info?.Severity,
            Certainty = info?.Certainty,
            AreaDescription = Clip(string.Join("; ", alert.Infos.SelectMany(i => i.Areas).Select(a => a.AreaDesc).Distinct(StringComparer.Ordinal)), 2000) is { Length: > 0 } areas ? areas : null,
            Onset = (info?.Onset ?? info?.Effective)?.ToUniversalTime(),
            Expires = alert.Expires?.ToUniversalTime(),
            AwarenessLevel = alert.Infos.Select(i => i.AwarenessLevel).Max(),
            AwarenessType = alert.Infos.Select(i => i.AwarenessType).FirstOrDefault(t => t is not null),
            SourceName = Clip(source.SourceName ?? info?.SenderName ?? alert.Source, 200),
            SourceUrl = Clip(source.SourceUrl, 2000),
            FeedId = source.FeedId,
            ReceivedAt = now,
            ReceivedBy = Clip(source.ReceivedBy, 256)!,
        };

        var areasOfConcern = await db.WarningAreas.AsNoTracking().ToListAsync(ct);
        (warning.IsRelevant, warning.RelevanceReason) = WarningRelevance.Evaluate(alert, areasOfConcern);
        db.Warnings.Add(warning);
        db.WarningDocuments.Add(new WarningDocument { WarningId = warning.Id, OrganisationId = organisationId, Xml = parsed.OriginalXml! });
        await LinkReferencesAsync(warning, alert.References, ct);
        return await SaveNewAsync(warning, ct);
    }

    /// <summary>A warning told by a person. Idempotent by the client-made id.</summary>
    public async Task<(IntakeResult Result, ValidationErrors Errors)> RecordManualAsync(ManualWarningInput input, string recordedBy, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .Required(nameof(input.Source), input.Source, "Kilde", 200)
            .Required(nameof(input.Text), input.Text, "Tekst", 20_000)
            .Optional(nameof(input.Headline), input.Headline, "Overskrift", 1000)
            .Optional(nameof(input.ReceivedBy), input.ReceivedBy, "Modtaget af", 256);
        var now = time.GetUtcNow();
        if (input.ReceivedAt is null)
        {
            errors.Add(nameof(input.ReceivedAt), "Modtaget kl. skal udfyldes.");
        }
        else if (input.ReceivedAt > now.AddMinutes(5))
        {
            errors.Add(nameof(input.ReceivedAt), "Modtaget kl. kan ikke ligge i fremtiden.");
        }

        if (errors.Any)
        {
            return (IntakeResult.Refused([]), errors);
        }

        var id = input.Id is { } given && given != Guid.Empty ? given : Guid.CreateVersion7();
        if (await db.Warnings.FirstOrDefaultAsync(w => w.Id == id, ct) is { } existing)
        {
            return (new IntakeResult(IntakeOutcome.Duplicate, existing, []), errors);
        }

        // An id owned by another organisation is invisible here; refuse it rather than collide on the key.
        if (await db.Warnings.IgnoreQueryFilters().AnyAsync(w => w.Id == id, ct))
        {
            errors.Add(nameof(input.Id), "Id'et er allerede brugt.");
            return (IntakeResult.Refused([]), errors);
        }

        var text = input.Text!.Trim();
        var warning = new Warning
        {
            Id = id,
            OrganisationId = current.RequireOrganisationId(),
            Origin = WarningOrigin.Manual,
            Sender = ManualSender,
            Identifier = id.ToString(),
            Sent = input.ReceivedAt!.Value.ToUniversalTime(),
            Headline = Clip(string.IsNullOrWhiteSpace(input.Headline) ? FirstLine(text) : input.Headline.Trim(), 1000),
            Description = text,
            SourceName = input.Source!.Trim(),
            ReceivedAt = input.ReceivedAt!.Value.ToUniversalTime(),
            ReceivedBy = Clip(string.IsNullOrWhiteSpace(input.ReceivedBy) ? recordedBy : input.ReceivedBy.Trim(), 256)!,

            // A person chose to record it: it concerns us by definition.
            IsRelevant = true,
            RelevanceReason = "Registreret manuelt.",
        };
        db.Warnings.Add(warning);
        return (await SaveNewAsync(warning, ct), errors);
    }

    private async Task<IntakeResult> SaveNewAsync(Warning warning, CancellationToken ct)
    {
        if (warning.AwaitsTriage(time.GetUtcNow()))
        {
            await notifier.NotifyAsync(Notice(warning), ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return new IntakeResult(IntakeOutcome.Created, warning, []);
        }
        catch (DbUpdateException)
        {
            // Two deliveries of the same alert raced and the other one stored it: answer as a duplicate.
            if (await ExistsAfterRaceAsync(warning, ct) is { } winner)
            {
                return new IntakeResult(IntakeOutcome.Duplicate, winner, []);
            }

            throw;
        }
    }

    private async Task<Warning?> ExistsAfterRaceAsync(Warning warning, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await FindAsync(warning.Sender, warning.Identifier, warning.Sent, ct);
    }

    private Task<Warning?> FindAsync(string sender, string identifier, DateTimeOffset sent, CancellationToken ct) =>
        db.Warnings.FirstOrDefaultAsync(w => w.Sender == sender && w.Identifier == identifier && w.Sent == sent, ct);

    /// <summary>
    /// Links both ways: the new alert's references to alerts we have, and earlier-stored alerts whose
    /// references name this one (an Update can arrive before the Alert it updates).
    /// </summary>
    private async Task LinkReferencesAsync(Warning warning, IReadOnlyList<CapReference> references, CancellationToken ct)
    {
        foreach (var reference in references)
        {
            var sent = reference.Sent.ToUniversalTime();
            var target = await FindAsync(reference.Sender, reference.Identifier, sent, ct);
            warning.References.Add(new WarningReference
            {
                OrganisationId = warning.OrganisationId,
                WarningId = warning.Id,
                Sender = Clip(reference.Sender, 500)!,
                Identifier = Clip(reference.Identifier, 500)!,
                Sent = sent,
                ReferencedWarningId = target?.Id,
            });
            if (target is not null)
            {
                Apply(warning.MsgType, warning.Id, target);
            }
        }

        var laterOnes = await db.WarningReferences
            .Where(r => r.ReferencedWarningId == null && r.Sender == warning.Sender && r.Identifier == warning.Identifier && r.Sent == warning.Sent)
            .ToListAsync(ct);
        foreach (var reference in laterOnes)
        {
            reference.ReferencedWarningId = warning.Id;
            var referrer = await db.Warnings.FirstAsync(w => w.Id == reference.WarningId, ct);
            Apply(referrer.MsgType, referrer.Id, warning);
        }
    }

    private static void Apply(string msgType, Guid byId, Warning target)
    {
        switch (msgType)
        {
            case "Update":
                target.SupersededById ??= byId;
                break;
            case "Cancel":
                target.CancelledById ??= byId;
                break;
        }
    }

    public static WarningNotice Notice(Warning w) => new(
        w.OrganisationId, w.Id, w.Headline ?? w.Event ?? w.Identifier, w.AreaDescription, w.AwarenessLevel, w.AwarenessType,
        w.Onset, w.Expires, w.RelevanceReason, $"/haendelser/varsler/{w.Id}");

    private static string? Clip(string? s, int max) => s is null || s.Length <= max ? s : s[..(max - 1)] + "…";

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 120 ? line : line[..119] + "…";
    }
}
