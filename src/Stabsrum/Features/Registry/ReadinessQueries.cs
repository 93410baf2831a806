using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Registry;

public sealed record RoleShortfall(Guid RoleId, string Role, string AlarmList, int Candidates, int Quorum);

public sealed record PersonFlag(Guid PersonId, string Name, string Detail);

public sealed record ReadinessReport(
    IReadOnlyList<RoleShortfall> RolesShort,
    IReadOnlyList<PersonFlag> WithoutSubstitute,
    IReadOnlyList<PersonFlag> ContactUnverified,
    IReadOnlyList<PersonFlag> ClearanceExpiring)
{
    public int Total => RolesShort.Count + WithoutSubstitute.Count + ContactUnverified.Count + ClearanceExpiring.Count;
}

/// <summary>
/// What in the registry weakens readiness: roles with fewer holders than an alarm list's quorum, persons without a
/// substitute, contact data never confirmed or older than 12 months, clearances expiring within 90 days (or expired).
/// </summary>
public sealed class ReadinessQueries(StabsrumDbContext db, TimeProvider time)
{
    public static readonly TimeSpan VerificationValidFor = TimeSpan.FromDays(365);
    public const int ClearanceWarningDays = 90;

    public async Task<ReadinessReport> LoadAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var persons = await db.KeyPersons.AsNoTracking().Where(p => p.ErasedAt == null)
            .Select(p => new { p.Id, p.Name, p.ContactVerifiedAt, p.HasClearance, p.ClearanceExpiresOn, HasSubstitute = p.Substitutes.Any() })
            .ToListAsync(ct);
        var quorums = await db.AlarmListEntries.AsNoTracking().Where(e => e.RoleId != null)
            .Join(db.AlarmLists.Where(l => l.Mode == AlarmMode.NotifyAll), e => e.AlarmListId, l => l.Id, (e, l) => new { RoleId = e.RoleId!.Value, e.Quorum, List = l.Name })
            .ToListAsync(ct);
        var roleNames = await db.StaffRoles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var live = persons.Select(p => p.Id).ToHashSet();
        var holders = (await db.KeyPersonRoles.AsNoTracking().Select(r => new { r.RoleId, r.PersonId }).ToListAsync(ct))
            .Where(r => live.Contains(r.PersonId)).GroupBy(r => r.RoleId).ToDictionary(g => g.Key, g => g.Count());

        var rolesShort = quorums
            .Select(q => new RoleShortfall(q.RoleId, roleNames.GetValueOrDefault(q.RoleId, "?"), q.List, holders.GetValueOrDefault(q.RoleId), q.Quorum))
            .Where(r => r.Candidates < r.Quorum)
            .OrderBy(r => r.Role, StringComparer.Ordinal).ToList();
        var withoutSubstitute = persons.Where(p => !p.HasSubstitute).OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new PersonFlag(p.Id, p.Name, "Ingen stedfortræder")).ToList();
        var unverified = persons.Where(p => p.ContactVerifiedAt is null || now - p.ContactVerifiedAt > VerificationValidFor)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new PersonFlag(p.Id, p.Name, p.ContactVerifiedAt is { } at ? $"Sidst bekræftet {at.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture)}" : "Aldrig bekræftet"))
            .ToList();
        var expiring = persons.Where(p => p.HasClearance && p.ClearanceExpiresOn is { } until && until <= today.AddDays(ClearanceWarningDays))
            .OrderBy(p => p.ClearanceExpiresOn)
            .Select(p => new PersonFlag(p.Id, p.Name, p.ClearanceExpiresOn < today
                ? $"Udløbet {p.ClearanceExpiresOn:dd-MM-yyyy}"
                : $"Udløber {p.ClearanceExpiresOn:dd-MM-yyyy}"))
            .ToList();
        return new ReadinessReport(rolesShort, withoutSubstitute, unverified, expiring);
    }
}
