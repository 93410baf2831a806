using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;

namespace Stabsrum.Features.Registry;

public sealed record AlarmEntryInput(Guid? PersonId, Guid? RoleId, int? Quorum);

public sealed record AlarmListInput(Guid? Id, string? Name, string? Purpose, AlarmMode? Mode, IReadOnlyList<AlarmEntryInput>? Entries);

/// <summary>Writes to alarm lists; the entries are always replaced as a whole, in the order given.</summary>
public sealed class AlarmListChanges(StabsrumDbContext db)
{
    public const int MaxEntries = 100;

    public async Task<(AlarmList? List, bool Created, ValidationErrors Errors)> CreateAsync(AlarmListInput input, CancellationToken ct)
    {
        if (input.Id is { } id && await db.AlarmLists.AsNoTracking().AnyAsync(l => l.Id == id, ct))
        {
            return (await db.AlarmLists.AsNoTracking().Include(l => l.Entries).SingleAsync(l => l.Id == id, ct), false, new ValidationErrors());
        }

        var list = new AlarmList { Id = input.Id ?? Guid.CreateVersion7(), Name = "" };
        var errors = await ApplyAsync(list, input, ct);
        if (errors.Any)
        {
            return (null, false, errors);
        }

        list.SortOrder = (await db.AlarmLists.MaxAsync(l => (int?)l.SortOrder, ct) ?? 0) + 10;
        db.AlarmLists.Add(list);
        await db.SaveChangesAsync(ct);
        return (list, true, errors);
    }

    public async Task<ValidationErrors?> UpdateAsync(Guid id, AlarmListInput input, CancellationToken ct)
    {
        var list = await db.AlarmLists.Include(l => l.Entries).SingleOrDefaultAsync(l => l.Id == id, ct);
        if (list is null)
        {
            return null;
        }

        var errors = await ApplyAsync(list, input, ct);
        if (!errors.Any)
        {
            await db.SaveChangesAsync(ct);
        }

        return errors;
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct)
    {
        var list = await db.AlarmLists.SingleOrDefaultAsync(l => l.Id == id, ct);
        if (list is null)
        {
            return false;
        }

        db.AlarmLists.Remove(list);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public static AlarmListInput ToInput(AlarmList list) => new(
        list.Id, list.Name, list.Purpose, list.Mode,
        list.Entries.OrderBy(e => e.Position).Select(e => new AlarmEntryInput(e.PersonId, e.RoleId, e.Quorum)).ToList());

    private async Task<ValidationErrors> ApplyAsync(AlarmList list, AlarmListInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .Required(nameof(input.Name), input.Name, "Navn")
            .Optional(nameof(input.Purpose), input.Purpose, "Formål", 1000);
        if (input.Mode is not { } mode || !Enum.IsDefined(mode))
        {
            errors.Add(nameof(input.Mode), "Vælg hvordan listen kaldes: stop ved første kontakt eller alarmér alle.");
        }

        if (input.Name is not null && await db.AlarmLists.AnyAsync(l => l.Name == input.Name.Trim() && l.Id != list.Id, ct))
        {
            errors.Add(nameof(input.Name), "Der findes allerede en alarmeringsliste med det navn.");
        }

        var entries = input.Entries ?? [];
        if (entries.Count > MaxEntries)
        {
            errors.Add(nameof(input.Entries), $"En alarmeringsliste kan højst have {MaxEntries} linjer.");
        }

        var personIds = entries.Select(e => e.PersonId).OfType<Guid>().Distinct().ToList();
        var roleIds = entries.Select(e => e.RoleId).OfType<Guid>().Distinct().ToList();
        var livePersons = await db.KeyPersons.Where(p => personIds.Contains(p.Id) && p.ErasedAt == null).Select(p => p.Id).ToListAsync(ct);
        var liveRoles = await db.StaffRoles.Where(r => roleIds.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct);
        for (var i = 0; i < Math.Min(entries.Count, MaxEntries); i++)
        {
            var entry = entries[i];
            var line = $"Linje {i + 1}";
            if ((entry.PersonId is null) == (entry.RoleId is null))
            {
                errors.Add(nameof(input.Entries), $"{line}: vælg enten en person eller en rolle.");
            }
            else if (entry.PersonId is { } p && !livePersons.Contains(p))
            {
                errors.Add(nameof(input.Entries), $"{line}: personen findes ikke (den kan være slettet eller anonymiseret).");
            }
            else if (entry.RoleId is { } r && !liveRoles.Contains(r))
            {
                errors.Add(nameof(input.Entries), $"{line}: rollen findes ikke (den kan være slettet).");
            }

            if (entry.Quorum is < 1 or > 50)
            {
                errors.Add(nameof(input.Entries), $"{line}: antal der skal svare skal være mellem 1 og 50.");
            }
        }

        if (entries.Where(e => e.PersonId is not null).GroupBy(e => e.PersonId).Any(g => g.Count() > 1)
            || entries.Where(e => e.RoleId is not null).GroupBy(e => e.RoleId).Any(g => g.Count() > 1))
        {
            errors.Add(nameof(input.Entries), "Den samme person eller rolle står flere gange på listen.");
        }

        if (errors.Any)
        {
            return errors;
        }

        list.Name = input.Name!.Trim();
        list.Purpose = string.IsNullOrWhiteSpace(input.Purpose) ? null : input.Purpose.Trim();
        list.Mode = input.Mode!.Value;

        // Overwrite by position (unique per list) rather than delete-and-insert, which could collide on the index.
        var existing = list.Entries.OrderBy(e => e.Position).ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            var row = i < existing.Count ? existing[i] : new AlarmListEntry { AlarmListId = list.Id, Position = i + 1 };
            row.PersonId = entries[i].PersonId;
            row.RoleId = entries[i].PersonId is null ? entries[i].RoleId : null;
            row.Quorum = row.RoleId is not null && list.Mode == AlarmMode.NotifyAll ? entries[i].Quorum ?? 1 : 1;
            if (i >= existing.Count)
            {
                list.Entries.Add(row);
                db.AlarmListEntries.Add(row);
            }
        }

        foreach (var extra in existing.Skip(entries.Count))
        {
            list.Entries.Remove(extra);
        }

        return errors;
    }
}
