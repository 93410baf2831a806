using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Warnings;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Features.CrisisLog;

/// <summary>
/// Takes a warning into incident work: a new incident prefilled from the warning, or a "melding ind" entry in an
/// existing one. Both write through <see cref="IncidentChanges"/> and <see cref="CrisisLog"/>, so the log records
/// the warning like any other report; the caller (warning triage) owns the transaction.
/// </summary>
public sealed class WarningIncidentLink(StabsrumDbContext db, IncidentChanges incidents, CrisisLog log, TimeProvider time) : IWarningIncidentLink
{
    private const string WeatherType = "Vejr";

    public async Task<Guid> CreateIncidentFromWarningAsync(Guid warningId, string? title, CancellationToken cancellationToken)
    {
        var warning = await LoadAsync(warningId, cancellationToken);
        var exerciseMode = await db.Organisations.Where(o => o.Id == warning.OrganisationId).Select(o => o.ExerciseMode).SingleAsync(cancellationToken);
        var types = await IncidentChanges.IncidentTypesAsync(db, cancellationToken);
        var type = warning.AwarenessLevel is not null && types.Contains(WeatherType) ? WeatherType : types.Contains("Andet") ? "Andet" : types.First();
        var now = time.GetUtcNow();

        // A CAP "Exercise"/"Test" alert, or an organisation in exercise mode, may only ever start an exercise.
        var isExercise = exerciseMode || warning.Status is "Exercise" or "Test";
        var (incident, errors) = await incidents.CreateAsync(
            new NewIncident(
                Truncate(string.IsNullOrWhiteSpace(title) ? Headline(warning) : title.Trim(), 200),
                type,
                Truncate(Summary(warning), 4000),
                Truncate(warning.AreaDescription ?? "", 200),
                warning.Onset is { } onset && onset <= now ? onset : now,
                isExercise),
            cancellationToken);
        if (incident is null)
        {
            throw new WarningIncidentLinkRefusedException(errors);
        }

        await AppendWarningEntryAsync(incident.Id, warning, cancellationToken);
        return incident.Id;
    }

    public async Task AttachToIncidentAsync(Guid warningId, Guid incidentId, CancellationToken cancellationToken)
    {
        var warning = await LoadAsync(warningId, cancellationToken);
        if (!await db.Incidents.AnyAsync(i => i.Id == incidentId, cancellationToken))
        {
            throw new KeyNotFoundException("Hændelsen findes ikke.");
        }

        await AppendWarningEntryAsync(incidentId, warning, cancellationToken);
    }

    private async Task AppendWarningEntryAsync(Guid incidentId, Warning warning, CancellationToken ct)
    {
        // The entry id is derived from warning and incident, so a retried triage can never log the warning twice.
        var entryId = DeterministicId(warning.Id, incidentId);
        var result = await log.AppendAsync(incidentId, new NewLogEntry(entryId, LogEntryKind.MeldingInd, Truncate(Summary(warning), 8000), warning.ReceivedAt <= time.GetUtcNow() ? warning.ReceivedAt : null, Significant: warning.AwarenessLevel is not null), ct);
        if (result.Outcome == AppendOutcome.NotFound)
        {
            throw new KeyNotFoundException("Hændelsen findes ikke.");
        }

        if (!result.Succeeded)
        {
            throw new WarningIncidentLinkRefusedException(result.Errors);
        }
    }

    private async Task<Warning> LoadAsync(Guid warningId, CancellationToken ct) =>
        await db.Warnings.AsNoTracking().FirstOrDefaultAsync(w => w.Id == warningId, ct) ?? throw new KeyNotFoundException("Varslet findes ikke.");

    private static string Headline(Warning w) => w.Headline ?? w.Event ?? "Varsel fra " + w.Sender;

    private static string Summary(Warning w)
    {
        var parts = new List<string> { "Varsel: " + Headline(w) };
        if (w.AwarenessLevel is { } level)
        {
            parts.Add("Niveau: " + level.Danish() + (w.AwarenessType is { } kind ? " – " + kind.Danish() : ""));
        }

        parts.Add($"Afsender: {w.SourceName ?? w.Sender}, sendt {DanishTime.Format(w.Sent)}");
        if (w.Onset is not null || w.Expires is not null)
        {
            parts.Add($"Gyldig: {(w.Onset is { } o ? DanishTime.Format(o) : "nu")} – {(w.Expires is { } e ? DanishTime.Format(e) : "ukendt")}");
        }

        if (!string.IsNullOrWhiteSpace(w.AreaDescription))
        {
            parts.Add("Område: " + w.AreaDescription);
        }

        if (!string.IsNullOrWhiteSpace(w.Description))
        {
            parts.Add(w.Description.Trim());
        }

        return string.Join("\n", parts);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static Guid DeterministicId(Guid warningId, Guid incidentId)
    {
        Span<byte> bytes = stackalloc byte[32];
        warningId.TryWriteBytes(bytes[..16]);
        incidentId.TryWriteBytes(bytes[16..]);
        var hash = System.Security.Cryptography.SHA256.HashData(bytes);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5-style: name-based
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }
}
