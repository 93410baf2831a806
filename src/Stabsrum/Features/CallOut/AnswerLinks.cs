using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Stabsrum.Features.CallOut;

/// <summary>
/// The personal answer link: <c>/svar/{token}</c>. The token is the recipient id protected by ASP.NET Data Protection
/// under its own purpose with an expiry — authenticated encryption, so it cannot be forged, altered, used for another
/// person or for anything else, and stops working when it expires. Replays are refused by the answer itself (a link
/// answers once).
/// </summary>
public sealed class AnswerLinks(IDataProtectionProvider provider, TimeProvider time)
{
    public const string Purpose = "Stabsrum.CallOut.AnswerLink.v1";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    // The expiry travels inside the protected payload and is checked against the injected clock (testable).
    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Create(Guid recipientId, DateTimeOffset? expires = null)
    {
        var until = (expires ?? time.GetUtcNow() + Lifetime).ToUnixTimeSeconds();
        return _protector.Protect(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{recipientId:N}.{until}"));
    }

    public AnswerLinkCheck Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return new AnswerLinkCheck(null, false);
        }

        try
        {
            var parts = _protector.Unprotect(token).Split('.');
            if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out var id)
                || !long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var until))
            {
                return new AnswerLinkCheck(null, false);
            }

            return DateTimeOffset.FromUnixTimeSeconds(until) < time.GetUtcNow() ? new AnswerLinkCheck(null, true) : new AnswerLinkCheck(id, false);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return new AnswerLinkCheck(null, false);
        }
    }
}

/// <summary>The recipient a link names, or why not: <see cref="Expired"/>, else forged/altered/unknown.</summary>
public sealed record AnswerLinkCheck(Guid? RecipientId, bool Expired);
