using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Account;

public sealed record IssuedToken(string Token, PersonalAccessToken Record);

/// <summary>Issues, finds and revokes personal access tokens. The plain token exists only in the return value of <see cref="IssueAsync"/>.</summary>
public sealed class PersonalAccessTokenService(StabsrumDbContext db, TimeProvider time)
{
    public const string TokenPrefix = "stb_";
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);

    public async Task<IssuedToken> IssueAsync(Guid userId, Guid organisationId, string name, TimeSpan lifetime, CancellationToken ct = default)
    {
        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), "A token lives between one day and a year.");
        }

        var token = TokenPrefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        var record = new PersonalAccessToken
        {
            OrganisationId = organisationId,
            UserId = userId,
            Name = name.Trim(),
            TokenHash = Hash(token),
            Prefix = token[..12],
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        db.PersonalAccessTokens.Add(record);
        await db.SaveChangesAsync(ct);
        return new IssuedToken(token, record);
    }

    /// <summary>Looks a presented token up across organisations: at this point we do not yet know whose it is.</summary>
    public Task<PersonalAccessToken?> FindAsync(string presented, CancellationToken ct = default)
    {
        var hash = Hash(presented);
        return db.PersonalAccessTokens.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
    }

    public async Task<bool> RevokeAsync(Guid tokenId, Guid userId, CancellationToken ct = default)
    {
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null)
        {
            return false;
        }

        token.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
