using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Registry;

public sealed record KeyPersonInput(
    Guid? Id,
    string? Name,
    string? Title,
    string? Unit,
    string? MobilePhone,
    string? WorkPhone,
    string? PrivatePhone,
    string? Email,
    bool HasClearance,
    ClearanceLevel? ClearanceLevel,
    DateOnly? ClearanceExpiresOn,
    string? Notes,
    IReadOnlyList<Guid>? SubstituteIds,
    IReadOnlyList<Guid>? RoleIds,
    Guid? UserId);

/// <summary>
/// Writes to key persons, shared by pages, API and import so all validate alike: phones to E.164, e-mail,
/// clearance, ordered substitutes without loops, standing roles. Everything acts on the current organisation.
/// </summary>
public sealed class KeyPersonChanges(StabsrumDbContext db, CurrentOrganisation current, TimeProvider time)
{
    public const int MaxSubstitutes = 5;
    public const string ErasedName = "Anonymiseret person";

    /// <summary>Creates a person; a repeated create with the same client-made id returns the first one (idempotent).</summary>
    public async Task<(KeyPerson? Person, bool Created, ValidationErrors Errors)> CreateAsync(KeyPersonInput input, CancellationToken ct)
    {
        if (input.Id is { } id && await db.KeyPersons.AsNoTracking().AnyAsync(p => p.Id == id, ct))
        {
            return (await db.KeyPersons.AsNoTracking().SingleAsync(p => p.Id == id, ct), false, new ValidationErrors());
        }

        var person = new KeyPerson { Id = input.Id ?? Guid.CreateVersion7(), Name = "", CreatedAt = time.GetUtcNow() };
        var errors = await ApplyAsync(person, input, ct);
        if (errors.Any)
        {
            return (null, false, errors);
        }

        db.KeyPersons.Add(person);
        await db.SaveChangesAsync(ct);
        return (person, true, errors);
    }

    /// <summary>Null when the person is not in this organisation (or was erased).</summary>
    public async Task<ValidationErrors?> UpdateAsync(Guid id, KeyPersonInput input, CancellationToken ct)
    {
        var person = await db.KeyPersons.Include(p => p.Substitutes).Include(p => p.Roles)
            .SingleOrDefaultAsync(p => p.Id == id && p.ErasedAt == null, ct);
        if (person is null)
        {
            return null;
        }

        var errors = await ApplyAsync(person, input, ct);
        if (!errors.Any)
        {
            await db.SaveChangesAsync(ct);
        }

        return errors;
    }

    /// <summary>The person confirmed their contact data (or answered a test call-out).</summary>
    public async Task<bool> MarkVerifiedAsync(Guid id, CancellationToken ct)
    {
        var person = await db.KeyPersons.SingleOrDefaultAsync(p => p.Id == id && p.ErasedAt == null, ct);
        if (person is null)
        {
            return false;
        }

        person.ContactVerifiedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Several persons' contact data confirmed at once by their answers to a prøvealarm: one set-based update in the
    /// caller's transaction. Not one audit entry per person — the audited answer rows are the record of who confirmed
    /// and when (as for the other set-based call-out updates, docs/adr/0012-call-out.md).
    /// </summary>
    public async Task MarkVerifiedAsync(IReadOnlyCollection<Guid> ids, DateTimeOffset at, CancellationToken ct)
    {
        if (ids.Count > 0)
        {
            await db.KeyPersons.Where(p => ids.Contains(p.Id) && p.ErasedAt == null).ExecuteUpdateAsync(s => s.SetProperty(p => p.ContactVerifiedAt, at), ct);
        }
    }

    /// <summary>Refused while the person stands on an alarm list: a list must never silently lose a line.</summary>
    public async Task<ValidationErrors?> DeleteAsync(Guid id, CancellationToken ct)
    {
        var person = await db.KeyPersons.SingleOrDefaultAsync(p => p.Id == id && p.ErasedAt == null, ct);
        if (person is null)
        {
            return null;
        }

        var errors = new ValidationErrors();
        var lists = await db.AlarmListEntries.Where(e => e.PersonId == id)
            .Join(db.AlarmLists, e => e.AlarmListId, l => l.Id, (e, l) => l.Name).Distinct().ToListAsync(ct);
        if (lists.Count > 0)
        {
            return errors.Add("person", $"{person.Name} står på alarmeringslisten {string.Join(", ", lists.Select(l => $"'{l}'"))}. Fjern personen fra listen, før personen slettes.");
        }

        db.KeyPersons.Remove(person);
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>
    /// GDPR art. 17: the person's data is removed and the row anonymised (it keeps its id so history that points
    /// at it stays whole). The person leaves every alarm list, substitute chain and role, and the audit trail's
    /// records of the person's data are rewritten to hold no personal data — the one deliberate exception to the
    /// trail being append-only, because the right to erasure outranks it. Who erased and when stays recorded.
    /// </summary>
    public async Task<bool> EraseAsync(Guid id, CancellationToken ct)
    {
        var person = await db.KeyPersons.SingleOrDefaultAsync(p => p.Id == id && p.ErasedAt == null, ct);
        if (person is null)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.AlarmListEntries.RemoveRange(await db.AlarmListEntries.Where(e => e.PersonId == id).ToListAsync(ct));
        db.KeyPersonSubstitutes.RemoveRange(await db.KeyPersonSubstitutes.Where(s => s.PersonId == id || s.SubstituteId == id).ToListAsync(ct));
        db.KeyPersonRoles.RemoveRange(await db.KeyPersonRoles.Where(r => r.PersonId == id).ToListAsync(ct));
        person.Name = ErasedName;
        person.Title = null;
        person.Unit = null;
        person.MobilePhone = null;
        person.WorkPhone = null;
        person.PrivatePhone = null;
        person.Email = null;
        person.HasClearance = false;
        person.ClearanceLevel = null;
        person.ClearanceExpiresOn = null;
        person.Notes = null;
        person.ContactVerifiedAt = null;
        person.UserId = null;
        person.ErasedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);

        var organisationId = current.RequireOrganisationId();
        var entityId = id.ToString();
        await db.AuditTrail
            .Where(a => a.OrganisationId == organisationId && a.EntityType == nameof(KeyPerson) && a.EntityId == entityId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Changes, "{\"anonymiseret\":\"GDPR art. 17\"}"), ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private async Task<ValidationErrors> ApplyAsync(KeyPerson person, KeyPersonInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .Required(nameof(input.Name), input.Name, "Navn")
            .Optional(nameof(input.Title), input.Title, "Titel", 200)
            .Optional(nameof(input.Unit), input.Unit, "Enhed", 200)
            .Optional(nameof(input.Notes), input.Notes, "Noter", 2000);
        var mobile = errors.Phone(nameof(input.MobilePhone), input.MobilePhone, "Mobilnummer");
        var work = errors.Phone(nameof(input.WorkPhone), input.WorkPhone, "Arbejdstelefon");
        var privatePhone = errors.Phone(nameof(input.PrivatePhone), input.PrivatePhone, "Privat telefon");
        var email = errors.Email(nameof(input.Email), input.Email);
        if (input.HasClearance && input.ClearanceLevel is null)
        {
            errors.Add(nameof(input.ClearanceLevel), "Vælg sikkerhedsgodkendelsens niveau.");
        }

        if (input.ClearanceLevel is { } level && !Enum.IsDefined(level))
        {
            errors.Add(nameof(input.ClearanceLevel), "Ukendt niveau for sikkerhedsgodkendelse.");
        }

        if (input.UserId is { } userId && !await db.Memberships.AnyAsync(m => m.UserId == userId, ct))
        {
            errors.Add(nameof(input.UserId), "Brugeren er ikke medlem af organisationen.");
        }

        var substituteIds = input.SubstituteIds ?? [];
        await CheckSubstitutesAsync(person, substituteIds, errors, ct);
        var roleIds = (input.RoleIds ?? []).Distinct().ToList();
        if (roleIds.Count > 0 && await db.StaffRoles.CountAsync(r => roleIds.Contains(r.Id), ct) != roleIds.Count)
        {
            errors.Add(nameof(input.RoleIds), "En af de valgte roller findes ikke.");
        }

        if (errors.Any)
        {
            return errors;
        }

        person.Name = input.Name!.Trim();
        person.Title = Clean(input.Title);
        person.Unit = Clean(input.Unit);
        person.MobilePhone = mobile;
        person.WorkPhone = work;
        person.PrivatePhone = privatePhone;
        person.Email = email;
        person.HasClearance = input.HasClearance;
        person.ClearanceLevel = input.HasClearance ? input.ClearanceLevel : null;
        person.ClearanceExpiresOn = input.HasClearance ? input.ClearanceExpiresOn : null;
        person.Notes = Clean(input.Notes);
        person.UserId = input.UserId;

        // Reuse rows where possible, so an unchanged substitute is not deleted and re-added in the audit trail.
        person.Substitutes.RemoveAll(s => !substituteIds.Contains(s.SubstituteId));
        for (var i = 0; i < substituteIds.Count; i++)
        {
            var link = person.Substitutes.SingleOrDefault(s => s.SubstituteId == substituteIds[i]);
            if (link is null)
            {
                // Added explicitly: a new row with a client-made id found only through the collection would be taken for an existing one.
                var added = new KeyPersonSubstitute { PersonId = person.Id, SubstituteId = substituteIds[i], Rank = i + 1 };
                person.Substitutes.Add(added);
                db.KeyPersonSubstitutes.Add(added);
            }
            else
            {
                link.Rank = i + 1;
            }
        }

        person.Roles.RemoveAll(r => !roleIds.Contains(r.RoleId));
        foreach (var roleId in roleIds.Where(r => person.Roles.All(x => x.RoleId != r)))
        {
            var added = new KeyPersonRole { PersonId = person.Id, RoleId = roleId };
            person.Roles.Add(added);
            db.KeyPersonRoles.Add(added);
        }

        return errors;
    }

    private async Task CheckSubstitutesAsync(KeyPerson person, IReadOnlyList<Guid> substituteIds, ValidationErrors errors, CancellationToken ct)
    {
        const string field = nameof(KeyPersonInput.SubstituteIds);
        if (substituteIds.Count == 0)
        {
            return;
        }

        if (substituteIds.Count > MaxSubstitutes)
        {
            errors.Add(field, $"Højst {MaxSubstitutes} stedfortrædere.");
            return;
        }

        if (substituteIds.Distinct().Count() != substituteIds.Count)
        {
            errors.Add(field, "Den samme stedfortræder er valgt flere gange.");
            return;
        }

        if (substituteIds.Contains(person.Id))
        {
            errors.Add(field, "En person kan ikke være sin egen stedfortræder.");
            return;
        }

        var names = await db.KeyPersons.AsNoTracking().Where(p => p.ErasedAt == null).Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        if (substituteIds.FirstOrDefault(s => !names.ContainsKey(s)) is var missing && missing != Guid.Empty)
        {
            errors.Add(field, $"Stedfortræderen ({missing}) findes ikke i organisationens nøglepersoner.");
            return;
        }

        // The organisation's substitute graph with this person's new choice in place of the old.
        var edges = await db.KeyPersonSubstitutes.AsNoTracking().Where(s => s.PersonId != person.Id)
            .Select(s => new { s.PersonId, s.SubstituteId, s.Rank }).ToListAsync(ct);
        var graph = edges.GroupBy(e => e.PersonId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Rank).Select(e => e.SubstituteId).ToList());
        graph[person.Id] = substituteIds.ToList();
        names[person.Id] = string.IsNullOrWhiteSpace(person.Name) ? "(ny person)" : person.Name;
        if (SubstituteChain.FindLoop(graph, person.Id) is { } loop)
        {
            var path = string.Join(" → ", loop.Select(id => names.GetValueOrDefault(id, "?")));
            errors.Add(field, $"Stedfortræderne går i ring: {path}. En person kan ikke, heller ikke via andre, være stedfortræder for sig selv.");
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Loop detection in the "stands in for" graph (pure, so it is tested without a database).</summary>
public static class SubstituteChain
{
    /// <summary>A path start → … → start if one exists, else null.</summary>
    public static IReadOnlyList<Guid>? FindLoop(IReadOnlyDictionary<Guid, List<Guid>> substitutesOf, Guid start)
    {
        var parent = new Dictionary<Guid, Guid>();
        var queue = new Queue<Guid>();
        queue.Enqueue(start);
        var seen = new HashSet<Guid> { start };
        while (queue.Count > 0)
        {
            var at = queue.Dequeue();
            foreach (var next in substitutesOf.GetValueOrDefault(at) ?? [])
            {
                if (next == start)
                {
                    var path = new List<Guid> { start };
                    for (var node = at; node != start; node = parent[node])
                    {
                        path.Add(node);
                    }

                    path.Add(start);
                    path.Reverse(1, path.Count - 2);
                    return path;
                }

                if (seen.Add(next))
                {
                    parent[next] = at;
                    queue.Enqueue(next);
                }
            }
        }

        return null;
    }
}
