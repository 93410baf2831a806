using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Audit;

/// <summary>
/// One write to the database: who, in which organisation, when, what entity, what changed.
/// Append-only: the DbContext refuses to update or delete these rows.
/// </summary>
public sealed class AuditEntry : IAppendOnly, INotAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Null for writes outside any organisation (a user's own account).</summary>
    public Guid? OrganisationId { get; set; }

    public Guid? UserId { get; set; }

    public required string Actor { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    /// <summary>Oprettet, Ændret or Slettet.</summary>
    public required string Action { get; set; }

    /// <summary>JSON object: property → value (created) or {old, new} (changed). Secrets are redacted.</summary>
    public required string Changes { get; set; }
}

internal static class AuditModel
{
    public static void Configure(ModelBuilder model) =>
        model.Entity<AuditEntry>(e =>
        {
            e.ToTable("AuditTrail");
            e.Property(a => a.Actor).HasMaxLength(256);
            e.Property(a => a.EntityType).HasMaxLength(100);
            e.Property(a => a.EntityId).HasMaxLength(200);
            e.Property(a => a.Action).HasMaxLength(20);
            e.HasIndex(a => new { a.OrganisationId, a.OccurredAt });
            e.HasIndex(a => new { a.EntityType, a.EntityId });
        });
}
