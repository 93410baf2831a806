using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Warnings.Cap;
using Stabsrum.Features.Warnings.Geometry;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Warnings;

public sealed record GeocodeInput(string? ValueName, string? Value);

public sealed record AreaInput(string? Name, IReadOnlyList<GeocodeInput>? Geocodes, string? Polygon);

public sealed record FeedInput(string? Name, string? Url, int? IntervalMinutes, bool? Enabled);

public sealed record WarningSettingsInput(string? DutyEmail);

/// <summary>Changes to what decides relevance and where warnings come from: areas, feeds, the duty e-mail.</summary>
public sealed class WarningConfigurationChanges(StabsrumDbContext db, CurrentOrganisation current, TimeProvider time)
{
    public const int MinIntervalMinutes = 1;
    public const int MaxIntervalMinutes = 24 * 60;

    public async Task<(WarningArea? Area, ValidationErrors Errors)> AddAreaAsync(AreaInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors().Required(nameof(input.Name), input.Name, "Navn", 200);
        var codes = new List<string>();
        foreach (var (code, i) in (input.Geocodes ?? []).Select((c, i) => (c, i)))
        {
            if (string.IsNullOrWhiteSpace(code?.ValueName) || string.IsNullOrWhiteSpace(code.Value) || code.ValueName.Contains('=', StringComparison.Ordinal))
            {
                errors.Add(nameof(input.Geocodes), $"Geokode nr. {i + 1} skal have både type (fx EMMA_ID) og værdi (fx DK004).");
            }
            else
            {
                codes.Add($"{code.ValueName.Trim()}={code.Value.Trim()}");
            }
        }

        string? polygon = null;
        if (!string.IsNullOrWhiteSpace(input.Polygon))
        {
            var parsed = GeoPolygon.TryParse(input.Polygon, out var error);
            if (parsed is null)
            {
                errors.Add(nameof(input.Polygon), $"Polygonen er ugyldig: {error}.");
            }
            else
            {
                polygon = parsed.ToString();
            }
        }

        if (codes.Count == 0 && polygon is null)
        {
            errors.Add(nameof(input.Geocodes), "Angiv mindst én geokode eller en polygon.");
        }

        var geocodes = string.Join('\n', codes);
        if (geocodes.Length > 4000)
        {
            errors.Add(nameof(input.Geocodes), "For mange geokoder (højst 4000 tegn i alt).");
        }

        var name = input.Name?.Trim();
        if (!errors.Any && await db.WarningAreas.AnyAsync(a => a.Name == name, ct))
        {
            errors.Add(nameof(input.Name), $"Der findes allerede et område med navnet '{name}'.");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var area = new WarningArea { OrganisationId = current.RequireOrganisationId(), Name = name!, Geocodes = geocodes, Polygon = polygon, CreatedAt = time.GetUtcNow() };
        db.WarningAreas.Add(area);
        await db.SaveChangesAsync(ct);
        await ReevaluateRelevanceAsync(ct);
        return (area, errors);
    }

    public async Task<bool> RemoveAreaAsync(Guid id, CancellationToken ct)
    {
        var area = await db.WarningAreas.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (area is null)
        {
            return false;
        }

        db.WarningAreas.Remove(area);
        await db.SaveChangesAsync(ct);
        await ReevaluateRelevanceAsync(ct);
        return true;
    }

    /// <summary>
    /// Areas changed: decide relevance again for CAP warnings that nobody has triaged yet (triaged ones keep
    /// the relevance they were judged with). No notifications: the change was made by someone looking.
    /// </summary>
    public async Task ReevaluateRelevanceAsync(CancellationToken ct)
    {
        var areas = await db.WarningAreas.AsNoTracking().ToListAsync(ct);
        var open = await db.Warnings.Where(w => w.Origin != WarningOrigin.Manual && w.Triage == TriageOutcome.Untriaged)
            .Join(db.WarningDocuments, w => w.Id, d => d.WarningId, (w, d) => new { Warning = w, d.Xml })
            .ToListAsync(ct);
        foreach (var item in open)
        {
            if (CapParser.Parse(item.Xml).Alert is { } alert)
            {
                (item.Warning.IsRelevant, item.Warning.RelevanceReason) = WarningRelevance.Evaluate(alert, areas);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task<(WarningFeed? Feed, ValidationErrors Errors)> SaveFeedAsync(Guid? id, FeedInput input, CancellationToken ct)
    {
        var feed = id is null ? null : await db.WarningFeeds.FirstOrDefaultAsync(f => f.Id == id, ct);
        if (id is not null && feed is null)
        {
            return (null, new ValidationErrors());
        }

        var errors = new ValidationErrors()
            .Required(nameof(input.Name), input.Name, "Navn", 200)
            .Required(nameof(input.Url), input.Url, "Adresse", 2000);
        if (!string.IsNullOrWhiteSpace(input.Url)
            && (!Uri.TryCreate(input.Url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            errors.Add(nameof(input.Url), "Adressen skal være en fuld http- eller https-adresse.");
        }

        var interval = input.IntervalMinutes ?? 10;
        if (interval is < MinIntervalMinutes or > MaxIntervalMinutes)
        {
            errors.Add(nameof(input.IntervalMinutes), $"Interval skal være mellem {MinIntervalMinutes} og {MaxIntervalMinutes} minutter.");
        }

        var name = input.Name?.Trim();
        if (!errors.Any && await db.WarningFeeds.AnyAsync(f => f.Name == name && f.Id != (feed == null ? Guid.Empty : feed.Id), ct))
        {
            errors.Add(nameof(input.Name), $"Der findes allerede et feed med navnet '{name}'.");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var now = time.GetUtcNow();
        if (feed is null)
        {
            feed = new WarningFeed { OrganisationId = current.RequireOrganisationId(), CreatedAt = now };
            db.WarningFeeds.Add(feed);
        }

        var enabled = input.Enabled ?? false;
        if (enabled && (!feed.Enabled || feed.Url != input.Url!.Trim()))
        {
            feed.NextPollAt = now;
            feed.ConsecutiveFailures = 0;
            feed.LastError = null;
        }

        feed.Name = name!;
        feed.Url = input.Url!.Trim();
        feed.IntervalMinutes = interval;
        feed.Enabled = enabled;
        await db.SaveChangesAsync(ct);
        return (feed, errors);
    }

    public async Task<bool> RemoveFeedAsync(Guid id, CancellationToken ct)
    {
        var feed = await db.WarningFeeds.FirstOrDefaultAsync(f => f.Id == id, ct);
        if (feed is null)
        {
            return false;
        }

        db.WarningFeeds.Remove(feed);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Asks the poller to fetch the feed at its next tick, failures or not.</summary>
    public async Task<bool> PollSoonAsync(Guid id, CancellationToken ct)
    {
        var feed = await db.WarningFeeds.FirstOrDefaultAsync(f => f.Id == id, ct);
        if (feed is null)
        {
            return false;
        }

        feed.NextPollAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<ValidationErrors> SaveSettingsAsync(WarningSettingsInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors().Optional(nameof(input.DutyEmail), input.DutyEmail, "Vagthavendes e-mail", 256);
        if (input.DutyEmail is null)
        {
            // Absent is not "clear": a body without the field (or garbage) must change nothing.
            errors.Add(nameof(input.DutyEmail), "Vagthavendes e-mail skal angives; en tom tekst fjerner adressen.");
        }

        var email = string.IsNullOrWhiteSpace(input.DutyEmail) ? null : input.DutyEmail.Trim();
        if (email is not null && !MailAddress.TryCreate(email, out _))
        {
            errors.Add(nameof(input.DutyEmail), $"'{email}' er ikke en gyldig e-mailadresse.");
        }

        if (errors.Any)
        {
            return errors;
        }

        var organisationId = current.RequireOrganisationId();
        var settings = await db.WarningSettings.FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new WarningSettings { OrganisationId = organisationId };
            db.WarningSettings.Add(settings);
        }

        settings.DutyEmail = email;
        await db.SaveChangesAsync(ct);
        return errors;
    }
}
