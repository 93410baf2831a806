using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Account;

public sealed class StabsrumUser : IdentityUser<Guid>
{
    public StabsrumUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A personal access token for the API. Bound to one user in one organisation; only the SHA-256 hash is stored.
/// </summary>
public sealed class PersonalAccessToken : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid UserId { get; set; }

    public required string Name { get; set; }

    /// <summary>Hex SHA-256 of the whole token.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The first characters of the token, so the owner can tell tokens apart.</summary>
    public required string Prefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}

internal static class AccountModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<StabsrumUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
        });

        model.Entity<PersonalAccessToken>(e =>
        {
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.TokenHash).HasMaxLength(64);
            e.Property(t => t.Prefix).HasMaxLength(16);
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasIndex(t => new { t.OrganisationId, t.UserId });
            e.HasOne<StabsrumUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
