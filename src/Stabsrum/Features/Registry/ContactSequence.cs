using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Registry;

/// <summary>A person as the call-out sees them: phones to dial in order (E.164) and their ordered substitutes.</summary>
public sealed record ContactPerson(Guid Id, string Name, string? Title, IReadOnlyList<string> Phones, string? Email, IReadOnlyList<Guid> SubstituteIds);

/// <summary>A role as the call-out sees it: its holders in the order they are tried.</summary>
public sealed record ContactRole(Guid Id, string Name, IReadOnlyList<Guid> CandidateIds);

public sealed record ContactListEntry(int Position, Guid? PersonId, Guid? RoleId, int Quorum);

/// <summary>Everything <see cref="ContactSequence.Compute"/> needs, loaded once; no database behind it.</summary>
public sealed record ContactDirectory(
    Guid ListId, string ListName, AlarmMode Mode, IReadOnlyList<ContactListEntry> Entries,
    IReadOnlyDictionary<Guid, ContactPerson> Persons, IReadOnlyDictionary<Guid, ContactRole> Roles);

public enum ContactReason
{
    /// <summary>The person named on the list.</summary>
    Named,

    /// <summary>A holder of the role named on the list.</summary>
    RoleHolder,

    /// <summary>Stands in for <see cref="ContactAttempt.StandsInFor"/>, who was not reached.</summary>
    Substitute,
}

/// <summary>One person to try, with why they are on the list.</summary>
public sealed record ContactAttempt(ContactPerson Person, ContactReason Reason, Guid? StandsInFor);

/// <summary>
/// One line of the list as it will be executed. <see cref="Required"/> is how many people in <see cref="Attempts"/>
/// must confirm for the step to be satisfied; attempts are ordered (named/holders first, then their substitutes).
/// </summary>
public sealed record ContactStep(int Position, string Label, int Required, IReadOnlyList<ContactAttempt> Attempts, IReadOnlyList<string> Warnings)
{
    public bool IsShort => Attempts.Count < Required;
}

/// <summary>
/// The computed plan for one alarm list. For <see cref="AlarmMode.StopAtFirstContact"/> the executor walks
/// <see cref="Steps"/> in order, each step's attempts in order, and stops at the first person who confirms
/// (<see cref="StopAtFirst"/>). For <see cref="AlarmMode.NotifyAll"/> it notifies the first <c>Required</c> people of
/// every step at once and moves to the next attempts of a step only while it lacks confirmations.
/// </summary>
public sealed record ContactPlan(Guid ListId, string ListName, AlarmMode Mode, IReadOnlyList<ContactStep> Steps)
{
    public bool StopAtFirst => Mode == AlarmMode.StopAtFirstContact;

    public IEnumerable<string> Warnings => Steps.SelectMany(s => s.Warnings);
}

/// <summary>
/// Turns an alarm list into the ordered contact sequence. Pure: the call-out feature and the beredskabsmappe
/// share it, and it is unit-tested without a database.
/// Rules: a person entry is the person, then their substitutes in rank order, then the substitutes' substitutes
/// (breadth first), nobody twice in a step; a role entry is its holders (then their substitutes);
/// <c>Required</c> is 1 for person entries and for every entry in a stop-at-first list, the entry's quorum for a
/// role in a notify-all list. Persons without any phone are kept (they may be reachable by e-mail) but warned about.
/// </summary>
public static class ContactSequence
{
    public static ContactPlan Compute(ContactDirectory directory)
    {
        var steps = new List<ContactStep>();
        foreach (var entry in directory.Entries.OrderBy(e => e.Position))
        {
            var warnings = new List<string>();
            var attempts = new List<ContactAttempt>();
            var seen = new HashSet<Guid>();
            string label;
            var required = 1;
            List<Guid> firsts;
            if (entry.PersonId is { } personId)
            {
                if (!directory.Persons.TryGetValue(personId, out var person))
                {
                    steps.Add(new ContactStep(entry.Position, "(ukendt person)", 1, [], [$"Linje {entry.Position}: personen findes ikke længere."]));
                    continue;
                }

                label = person.Title is null ? person.Name : $"{person.Name} ({person.Title})";
                firsts = [personId];
                attempts.Add(new ContactAttempt(person, ContactReason.Named, null));
                seen.Add(personId);
            }
            else if (entry.RoleId is { } roleId && directory.Roles.TryGetValue(roleId, out var role))
            {
                label = role.Name;
                required = directory.Mode == AlarmMode.NotifyAll ? Math.Max(1, entry.Quorum) : 1;
                firsts = role.CandidateIds.Where(directory.Persons.ContainsKey).ToList();
                foreach (var candidate in firsts.Where(seen.Add))
                {
                    attempts.Add(new ContactAttempt(directory.Persons[candidate], ContactReason.RoleHolder, null));
                }

                if (firsts.Count < required)
                {
                    warnings.Add($"{role.Name}: {firsts.Count} {(firsts.Count == 1 ? "person har" : "personer har")} rollen, men der kræves {required}.");
                }
            }
            else
            {
                steps.Add(new ContactStep(entry.Position, "(ukendt rolle)", 1, [], [$"Linje {entry.Position}: rollen findes ikke længere."]));
                continue;
            }

            // Substitutes breadth first: all first-rank substitutes of the named people before anyone's second rank.
            var frontier = new Queue<Guid>(firsts);
            while (frontier.Count > 0)
            {
                var standsInFor = frontier.Dequeue();
                foreach (var substitute in directory.Persons.GetValueOrDefault(standsInFor)?.SubstituteIds ?? [])
                {
                    if (directory.Persons.TryGetValue(substitute, out var sub) && seen.Add(substitute))
                    {
                        attempts.Add(new ContactAttempt(sub, ContactReason.Substitute, standsInFor));
                        frontier.Enqueue(substitute);
                    }
                }
            }

            foreach (var attempt in attempts.Where(a => a.Person.Phones.Count == 0))
            {
                warnings.Add($"{attempt.Person.Name} har intet telefonnummer.");
            }

            steps.Add(new ContactStep(entry.Position, label, required, attempts, warnings));
        }

        return new ContactPlan(directory.ListId, directory.ListName, directory.Mode, steps);
    }

    /// <summary>
    /// Loads an alarm list of the current organisation with every person and role it may reach. Private phones are
    /// included only when <paramref name="includePrivatePhones"/> (planners, administrators, the call-out itself).
    /// Null when the list is not in this organisation.
    /// </summary>
    public static async Task<ContactDirectory?> LoadAsync(StabsrumDbContext db, Guid listId, bool includePrivatePhones, CancellationToken ct)
    {
        var list = await db.AlarmLists.AsNoTracking().Include(l => l.Entries).SingleOrDefaultAsync(l => l.Id == listId, ct);
        return list is null ? null : (await LoadAllAsync(db, [list], includePrivatePhones, ct))[0];
    }

    /// <summary>Every alarm list of the current organisation, in their sort order (for the beredskabsmappe).</summary>
    public static async Task<IReadOnlyList<ContactDirectory>> LoadAllAsync(StabsrumDbContext db, bool includePrivatePhones, CancellationToken ct)
    {
        var lists = await db.AlarmLists.AsNoTracking().Include(l => l.Entries).OrderBy(l => l.SortOrder).ThenBy(l => l.Name).ToListAsync(ct);
        return await LoadAllAsync(db, lists, includePrivatePhones, ct);
    }

    private static async Task<IReadOnlyList<ContactDirectory>> LoadAllAsync(StabsrumDbContext db, List<AlarmList> lists, bool includePrivatePhones, CancellationToken ct)
    {
        // An organisation has tens to hundreds of key persons: loading them all once is simpler and as fast as chasing chains.
        var persons = await db.KeyPersons.AsNoTracking().Where(p => p.ErasedAt == null)
            .Select(p => new { p.Id, p.Name, p.Title, p.MobilePhone, p.WorkPhone, p.PrivatePhone, p.Email }).ToListAsync(ct);
        var substitutes = (await db.KeyPersonSubstitutes.AsNoTracking().Select(s => new { s.PersonId, s.SubstituteId, s.Rank }).ToListAsync(ct))
            .ToLookup(s => s.PersonId);
        var holders = (await db.KeyPersonRoles.AsNoTracking().Select(r => new { r.RoleId, r.PersonId }).ToListAsync(ct)).ToLookup(r => r.RoleId);
        var roles = await db.StaffRoles.AsNoTracking().Select(r => new { r.Id, r.Name }).ToListAsync(ct);

        var personMap = persons.ToDictionary(p => p.Id, p => new ContactPerson(
            p.Id, p.Name, p.Title,
            new[] { p.MobilePhone, p.WorkPhone, includePrivatePhones ? p.PrivatePhone : null }.OfType<string>().Distinct().ToList(),
            p.Email,
            substitutes[p.Id].OrderBy(s => s.Rank).Select(s => s.SubstituteId).ToList()));
        var roleMap = roles.ToDictionary(r => r.Id, r => new ContactRole(
            r.Id, r.Name,
            holders[r.Id].Select(h => h.PersonId).Where(personMap.ContainsKey).OrderBy(id => personMap[id].Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("da-DK"), false)).ToList()));

        return lists.Select(l => new ContactDirectory(
            l.Id, l.Name, l.Mode,
            l.Entries.OrderBy(e => e.Position).Select(e => new ContactListEntry(e.Position, e.PersonId, e.RoleId, e.Quorum)).ToList(),
            personMap, roleMap)).ToList();
    }
}
