using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Audit;

/// <summary>Turns tracked changes into audit entries; called by the DbContext before every save.</summary>
internal static class AuditRecorder
{
    // Secrets never reach the audit trail, only the fact that they changed.
    private static readonly HashSet<string> Redacted = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TokenHash", "Value",
    };

    // Danish letters stay readable in the stored JSON; it is always HTML-encoded when shown.
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static List<AuditEntry> Record(IEnumerable<EntityEntry> entries, CurrentOrganisation current, DateTimeOffset now)
    {
        var result = new List<AuditEntry>();
        foreach (var entry in entries)
        {
            if (entry.Entity is INotAudited)
            {
                continue;
            }

            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            result.Add(new AuditEntry
            {
                OrganisationId = (entry.Entity as IOrganisationOwned)?.OrganisationId ?? OrganisationOf(entry) ?? current.OrganisationId,
                UserId = current.UserId,
                Actor = current.UserName ?? "system",
                OccurredAt = now,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = string.Join("|", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture))),
                Action = entry.State switch
                {
                    EntityState.Added => "Oprettet",
                    EntityState.Deleted => "Slettet",
                    _ => "Ændret",
                },
                Changes = JsonSerializer.Serialize(changes, Json),
            });
        }

        return result;
    }

    // An organisation's own row belongs to itself.
    private static Guid? OrganisationOf(EntityEntry entry) =>
        entry.Entity is Organisations.Organisation o ? o.Id : null;

    private static Dictionary<string, object?> Changes(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            var redact = Redacted.Contains(name);
            switch (entry.State)
            {
                case EntityState.Added:
                    changes[name] = redact ? "***" : property.CurrentValue;
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[name] = redact ? "***" : new { old = property.OriginalValue, @new = property.CurrentValue };
                    break;
                case EntityState.Deleted:
                    changes[name] = redact ? "***" : property.OriginalValue;
                    break;
                default:
                    break;
            }
        }

        return changes;
    }
}
