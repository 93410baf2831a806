using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.CallOut;

/// <param name="WebhookSecret">Only right after it was made: the secret is stored as a hash and never shown again.</param>
public sealed record CallOutSettingsResult(int FullyEstablishedMinutes, bool HasWebhookSecret, string? WebhookSecret);

/// <summary>
/// An organisation's call-out settings: the target for a fully established staff (seed 001 §3.1: 2 hours) and the
/// shared secret the SMS gateway sends with replies and receipts. Used by the API and the settings page alike.
/// </summary>
public sealed class CallOutSettingsChanges(StabsrumDbContext db, CurrentOrganisation current)
{
    public const int DefaultFullyEstablishedMinutes = 120;

    public async Task<CallOutSettingsResult> GetAsync(CancellationToken ct)
    {
        var s = await db.CallOutSettings.AsNoTracking().FirstOrDefaultAsync(ct);
        return new CallOutSettingsResult(s?.FullyEstablishedMinutes ?? DefaultFullyEstablishedMinutes, s?.WebhookSecretHash is not null, null);
    }

    public async Task<(CallOutSettingsResult? Result, ValidationErrors Errors)> UpdateAsync(int? fullyEstablishedMinutes, bool regenerateWebhookSecret, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (fullyEstablishedMinutes is null && !regenerateWebhookSecret)
        {
            errors.Add("fullyEstablishedMinutes", "Angiv målet for fuldt etableret stab eller bed om en ny webhook-nøgle.");
        }
        else if (fullyEstablishedMinutes is < 10 or > 24 * 60)
        {
            errors.Add("fullyEstablishedMinutes", "Målet for fuldt etableret stab skal være 10–1440 minutter.");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var settings = await db.CallOutSettings.FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new CallOutSettings { OrganisationId = current.RequireOrganisationId() };
            db.CallOutSettings.Add(settings);
        }

        settings.FullyEstablishedMinutes = fullyEstablishedMinutes ?? settings.FullyEstablishedMinutes;
        string? secret = null;
        if (regenerateWebhookSecret)
        {
            secret = "whk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
            settings.WebhookSecretHash = HashSecret(secret);
        }

        await db.SaveChangesAsync(ct);
        return (new CallOutSettingsResult(settings.FullyEstablishedMinutes, settings.WebhookSecretHash is not null, secret), errors);
    }

    public static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));
}
