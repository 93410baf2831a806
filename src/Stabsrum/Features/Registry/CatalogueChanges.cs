using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;

namespace Stabsrum.Features.Registry;

public sealed record StaffRoleInput(Guid? Id, string? Name, string? Purpose, string? DutiesBefore, string? DutiesDuring, string? DutiesAfter, string? Source, int? SortOrder);

public sealed record TacticalResourceInput(
    Guid? Id, string? Name, string? Category, int? Quantity, string? Location, string? OwningUnit,
    string? RequisitionContact, string? RequisitionPhone, ResourceAvailability? Availability, bool Critical, string? Notes);

public sealed record PartnerContactInput(string? Name, string? Title, string? Phone, string? Email);

public sealed record ExternalPartnerInput(Guid? Id, string? OrganisationName, PartnerKind? Kind, string? Provides, string? Notes, IReadOnlyList<PartnerContactInput>? Contacts);

/// <summary>Writes to the simpler registry lists: the role catalogue, tactical resources and external partners.</summary>
public sealed class CatalogueChanges(StabsrumDbContext db)
{
    // ---- Staff roles ----

    public async Task<(StaffRole? Role, bool Created, ValidationErrors Errors)> CreateRoleAsync(StaffRoleInput input, CancellationToken ct)
    {
        if (input.Id is { } id && await db.StaffRoles.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is { } existing)
        {
            return (existing, false, new ValidationErrors());
        }

        var role = new StaffRole { Id = input.Id ?? Guid.CreateVersion7(), Name = "" };
        var errors = await ApplyAsync(role, input, ct);
        if (errors.Any)
        {
            return (null, false, errors);
        }

        role.SortOrder = input.SortOrder ?? (await db.StaffRoles.MaxAsync(r => (int?)r.SortOrder, ct) ?? 0) + 10;
        db.StaffRoles.Add(role);
        await db.SaveChangesAsync(ct);
        return (role, true, errors);
    }

    public async Task<ValidationErrors?> UpdateRoleAsync(Guid id, StaffRoleInput input, CancellationToken ct)
    {
        var role = await db.StaffRoles.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (role is null)
        {
            return null;
        }

        var errors = await ApplyAsync(role, input, ct);
        if (!errors.Any)
        {
            role.SortOrder = input.SortOrder ?? role.SortOrder;
            await db.SaveChangesAsync(ct);
        }

        return errors;
    }

    /// <summary>Refused while an alarm list calls the role.</summary>
    public async Task<ValidationErrors?> DeleteRoleAsync(Guid id, CancellationToken ct)
    {
        var role = await db.StaffRoles.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (role is null)
        {
            return null;
        }

        var lists = await db.AlarmListEntries.Where(e => e.RoleId == id)
            .Join(db.AlarmLists, e => e.AlarmListId, l => l.Id, (e, l) => l.Name).Distinct().ToListAsync(ct);
        if (lists.Count > 0)
        {
            return new ValidationErrors().Add("role", $"Rollen {role.Name} bruges på alarmeringslisten {string.Join(", ", lists.Select(l => $"'{l}'"))}. Fjern den fra listen først.");
        }

        db.StaffRoles.Remove(role);
        await db.SaveChangesAsync(ct);
        return new ValidationErrors();
    }

    /// <summary>Adds the seeds' default roles that the catalogue lacks (by name); never overwrites an edited role.</summary>
    public async Task<int> AddDefaultRolesAsync(Guid organisationId, CancellationToken ct)
    {
        var names = await db.StaffRoles.Select(r => r.Name).ToListAsync(ct);
        var missing = DefaultStaffRoles.Create(organisationId).Where(r => !names.Contains(r.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        db.StaffRoles.AddRange(missing);
        await db.SaveChangesAsync(ct);
        return missing.Count;
    }

    private async Task<ValidationErrors> ApplyAsync(StaffRole role, StaffRoleInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .Required(nameof(input.Name), input.Name, "Navn", 100)
            .Optional(nameof(input.Purpose), input.Purpose, "Formål", 500)
            .Optional(nameof(input.DutiesBefore), input.DutiesBefore, "Opgaver før", 4000)
            .Optional(nameof(input.DutiesDuring), input.DutiesDuring, "Opgaver under", 4000)
            .Optional(nameof(input.DutiesAfter), input.DutiesAfter, "Opgaver efter", 4000)
            .Optional(nameof(input.Source), input.Source, "Kilde", 100);
        if (input.Name is not null && await db.StaffRoles.AnyAsync(r => r.Name == input.Name.Trim() && r.Id != role.Id, ct))
        {
            errors.Add(nameof(input.Name), "Der findes allerede en rolle med det navn.");
        }

        if (!errors.Any)
        {
            role.Name = input.Name!.Trim();
            role.Purpose = Clean(input.Purpose);
            role.DutiesBefore = Clean(input.DutiesBefore);
            role.DutiesDuring = Clean(input.DutiesDuring);
            role.DutiesAfter = Clean(input.DutiesAfter);
            role.Source = Clean(input.Source);
        }

        return errors;
    }

    // ---- Tactical resources ----

    public async Task<(TacticalResource? Resource, bool Created, ValidationErrors Errors)> CreateResourceAsync(TacticalResourceInput input, CancellationToken ct)
    {
        if (input.Id is { } id && await db.TacticalResources.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is { } existing)
        {
            return (existing, false, new ValidationErrors());
        }

        var resource = new TacticalResource { Id = input.Id ?? Guid.CreateVersion7(), Name = "", Category = "" };
        var errors = ApplyResource(resource, input);
        if (errors.Any)
        {
            return (null, false, errors);
        }

        db.TacticalResources.Add(resource);
        await db.SaveChangesAsync(ct);
        return (resource, true, errors);
    }

    public async Task<ValidationErrors?> UpdateResourceAsync(Guid id, TacticalResourceInput input, CancellationToken ct)
    {
        var resource = await db.TacticalResources.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (resource is null)
        {
            return null;
        }

        var errors = ApplyResource(resource, input);
        if (!errors.Any)
        {
            await db.SaveChangesAsync(ct);
        }

        return errors;
    }

    public async Task<bool> DeleteResourceAsync(Guid id, CancellationToken ct) =>
        await db.TacticalResources.SingleOrDefaultAsync(r => r.Id == id, ct) is { } resource && await RemoveAsync(resource, ct);

    /// <summary>Validates and copies; also used by the CSV import, row by row, before one save.</summary>
    public static ValidationErrors ApplyResource(TacticalResource resource, TacticalResourceInput input)
    {
        var errors = new ValidationErrors()
            .Required(nameof(input.Name), input.Name, "Navn")
            .Required(nameof(input.Category), input.Category, "Kategori", 100)
            .Optional(nameof(input.Location), input.Location, "Placering", 200)
            .Optional(nameof(input.OwningUnit), input.OwningUnit, "Ejer (enhed)", 200)
            .Optional(nameof(input.RequisitionContact), input.RequisitionContact, "Rekvireres hos", 200)
            .Optional(nameof(input.Notes), input.Notes, "Noter", 2000);
        var phone = errors.Phone(nameof(input.RequisitionPhone), input.RequisitionPhone, "Telefon til rekvirering");
        if (input.Quantity is < 0 or > 1_000_000)
        {
            errors.Add(nameof(input.Quantity), "Antal skal være mellem 0 og 1.000.000.");
        }

        if (input.Availability is { } a && !Enum.IsDefined(a))
        {
            errors.Add(nameof(input.Availability), "Ukendt tilgængelighed.");
        }

        if (!errors.Any)
        {
            resource.Name = input.Name!.Trim();
            resource.Category = input.Category!.Trim();
            resource.Quantity = input.Quantity ?? 1;
            resource.Location = Clean(input.Location);
            resource.OwningUnit = Clean(input.OwningUnit);
            resource.RequisitionContact = Clean(input.RequisitionContact);
            resource.RequisitionPhone = phone;
            resource.Availability = input.Availability ?? ResourceAvailability.Tilgaengelig;
            resource.Critical = input.Critical;
            resource.Notes = Clean(input.Notes);
        }

        return errors;
    }

    // ---- External partners ----

    public async Task<(ExternalPartner? Partner, bool Created, ValidationErrors Errors)> CreatePartnerAsync(ExternalPartnerInput input, CancellationToken ct)
    {
        if (input.Id is { } id && await db.ExternalPartners.AsNoTracking().Include(p => p.Contacts).SingleOrDefaultAsync(p => p.Id == id, ct) is { } existing)
        {
            return (existing, false, new ValidationErrors());
        }

        var partner = new ExternalPartner { Id = input.Id ?? Guid.CreateVersion7(), OrganisationName = "" };
        var errors = ApplyPartner(partner, input);
        if (errors.Any)
        {
            return (null, false, errors);
        }

        db.ExternalPartners.Add(partner);
        await db.SaveChangesAsync(ct);
        return (partner, true, errors);
    }

    public async Task<ValidationErrors?> UpdatePartnerAsync(Guid id, ExternalPartnerInput input, CancellationToken ct)
    {
        var partner = await db.ExternalPartners.Include(p => p.Contacts).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null)
        {
            return null;
        }

        var errors = ApplyPartner(partner, input);
        if (!errors.Any)
        {
            await db.SaveChangesAsync(ct);
        }

        return errors;
    }

    public async Task<bool> DeletePartnerAsync(Guid id, CancellationToken ct) =>
        await db.ExternalPartners.SingleOrDefaultAsync(p => p.Id == id, ct) is { } partner && await RemoveAsync(partner, ct);

    private ValidationErrors ApplyPartner(ExternalPartner partner, ExternalPartnerInput input)
    {
        var errors = new ValidationErrors()
            .Required(nameof(input.OrganisationName), input.OrganisationName, "Organisation")
            .Optional(nameof(input.Provides), input.Provides, "Kan bidrage med", 2000)
            .Optional(nameof(input.Notes), input.Notes, "Noter", 2000);
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(nameof(input.Kind), "Vælg hvilken slags samarbejdspartner det er.");
        }

        var contacts = new List<PartnerContact>();
        var given = (input.Contacts ?? []).Where(c => !string.IsNullOrWhiteSpace(c.Name) || !string.IsNullOrWhiteSpace(c.Phone) || !string.IsNullOrWhiteSpace(c.Email)).ToList();
        if (given.Count > 20)
        {
            errors.Add(nameof(input.Contacts), "Højst 20 kontaktpersoner.");
        }

        for (var i = 0; i < Math.Min(given.Count, 20); i++)
        {
            var c = given[i];
            var line = new ValidationErrors()
                .Required("x", c.Name, "Navn")
                .Optional("x", c.Title, "Titel", 200);
            var phone = line.Phone("x", c.Phone, "Telefon");
            var email = line.Email("x", c.Email);
            foreach (var message in line.ToDictionary().Values.SelectMany(m => m))
            {
                errors.Add(nameof(input.Contacts), $"Kontakt {i + 1}: {message}");
            }

            contacts.Add(new PartnerContact { PartnerId = partner.Id, Position = i + 1, Name = c.Name?.Trim() ?? "", Title = Clean(c.Title), Phone = phone, Email = email });
        }

        if (errors.Any)
        {
            return errors;
        }

        partner.OrganisationName = input.OrganisationName!.Trim();
        partner.Kind = input.Kind!.Value;
        partner.Provides = Clean(input.Provides);
        partner.Notes = Clean(input.Notes);

        // Contacts are small and have no identity of their own outside the partner: replace them in place by position.
        var existing = partner.Contacts.OrderBy(c => c.Position).ToList();
        for (var i = 0; i < contacts.Count; i++)
        {
            if (i < existing.Count)
            {
                existing[i].Name = contacts[i].Name;
                existing[i].Title = contacts[i].Title;
                existing[i].Phone = contacts[i].Phone;
                existing[i].Email = contacts[i].Email;
            }
            else
            {
                partner.Contacts.Add(contacts[i]);
                db.PartnerContacts.Add(contacts[i]);
            }
        }

        foreach (var extra in existing.Skip(contacts.Count))
        {
            partner.Contacts.Remove(extra);
        }

        return errors;
    }

    private async Task<bool> RemoveAsync(object entity, CancellationToken ct)
    {
        db.Remove(entity);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
