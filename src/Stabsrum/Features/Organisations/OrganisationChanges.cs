using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Account;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Features.Organisations;

public sealed record OrganisationSettingsInput(
    string? Name, bool ExerciseMode, bool RequireTwoFactor, string? TimeZoneId, string? Level0Name, string? Level1Name, string? Level2Name);

public sealed record NewMemberInput(string? Email, string? DisplayName, OrganisationRole? Role);

public sealed record MemberMunicipalityInput(string? Name, int Population, decimal SharePercent);

public sealed record MemberAdded(Membership Membership, string? InitialPassword);

/// <summary>
/// The organisation's administration: settings, memberships, member municipalities. Shared by the
/// administration pages and the API so both validate the same way. Everything acts on the current organisation.
/// </summary>
public sealed class OrganisationChanges(StabsrumDbContext db, UserManager<StabsrumUser> users, CurrentOrganisation current, TimeProvider time)
{
    public async Task<ValidationErrors> UpdateSettingsAsync(OrganisationSettingsInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .Required(nameof(input.Name), input.Name, "Navn")
            .Required(nameof(input.Level0Name), input.Level0Name, "Navn for niveau 0", 80)
            .Required(nameof(input.Level1Name), input.Level1Name, "Navn for niveau 1", 80)
            .Required(nameof(input.Level2Name), input.Level2Name, "Navn for niveau 2", 80);
        var zone = input.TimeZoneId ?? Organisation.DefaultTimeZone;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            errors.Add(nameof(input.TimeZoneId), $"Tidszonen '{zone}' findes ikke.");
        }

        var id = current.RequireOrganisationId();
        if (input.Name is not null && await db.Organisations.AnyAsync(o => o.Name == input.Name.Trim() && o.Id != id, ct))
        {
            errors.Add(nameof(input.Name), "Der findes allerede en organisation med det navn.");
        }

        if (errors.Any)
        {
            return errors;
        }

        var org = await db.Organisations.SingleAsync(o => o.Id == id, ct);
        org.Name = input.Name!.Trim();
        org.ExerciseMode = input.ExerciseMode;
        org.RequireTwoFactor = input.RequireTwoFactor;
        org.TimeZoneId = zone;
        org.Level0Name = input.Level0Name!.Trim();
        org.Level1Name = input.Level1Name!.Trim();
        org.Level2Name = input.Level2Name!.Trim();
        await db.SaveChangesAsync(ct);
        return errors;
    }

    public async Task<(MemberAdded? Added, ValidationErrors Errors)> AddMemberAsync(NewMemberInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors().Required(nameof(input.Email), input.Email, "E-mail", 256);
        if (input.Role is null || !Enum.IsDefined(input.Role.Value))
        {
            errors.Add(nameof(input.Role), "Vælg en rolle.");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var email = input.Email!.Trim();
        var user = await users.FindByEmailAsync(email);
        string? initialPassword = null;
        if (user is null)
        {
            initialPassword = "Stb-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'k').Replace('/', 'x');
            user = new StabsrumUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = string.IsNullOrWhiteSpace(input.DisplayName) ? email : input.DisplayName.Trim(), CreatedAt = time.GetUtcNow() };
            var created = await users.CreateAsync(user, initialPassword);
            if (!created.Succeeded)
            {
                foreach (var error in created.Errors)
                {
                    errors.Add(nameof(input.Email), error.Description);
                }

                return (null, errors);
            }
        }
        else if (await db.Memberships.AnyAsync(m => m.UserId == user.Id, ct))
        {
            return (null, errors.Add(nameof(input.Email), $"{email} er allerede medlem af organisationen."));
        }

        var membership = new Membership { UserId = user.Id, Role = input.Role!.Value, CreatedAt = time.GetUtcNow() };
        db.Memberships.Add(membership);
        await db.SaveChangesAsync(ct);
        return (new MemberAdded(membership, initialPassword), errors);
    }

    /// <summary>Null when the membership is not in this organisation.</summary>
    public async Task<ValidationErrors?> ChangeRoleAsync(Guid membershipId, OrganisationRole role, CancellationToken ct)
    {
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId, ct);
        if (membership is null)
        {
            return null;
        }

        var errors = new ValidationErrors();
        if (!Enum.IsDefined(role))
        {
            return errors.Add("role", "Ukendt rolle.");
        }

        if (membership.Role == OrganisationRole.Administrator && role != OrganisationRole.Administrator && await IsLastAdministratorAsync(membership, ct))
        {
            return errors.Add("role", "Organisationen skal have mindst én administrator.");
        }

        membership.Role = role;
        await db.SaveChangesAsync(ct);
        return errors;
    }

    public async Task<ValidationErrors?> RemoveMemberAsync(Guid membershipId, CancellationToken ct)
    {
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId, ct);
        if (membership is null)
        {
            return null;
        }

        var errors = new ValidationErrors();
        if (membership.Role == OrganisationRole.Administrator && await IsLastAdministratorAsync(membership, ct))
        {
            return errors.Add("membership", "Den sidste administrator kan ikke fjernes.");
        }

        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(ct);
        return errors;
    }

    public async Task<(MemberMunicipality? Added, ValidationErrors Errors)> AddMemberMunicipalityAsync(MemberMunicipalityInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors().Required(nameof(input.Name), input.Name, "Navn");
        if (input.Population < 0)
        {
            errors.Add(nameof(input.Population), "Indbyggertal kan ikke være negativt.");
        }

        if (input.SharePercent is < 0 or > 100)
        {
            errors.Add(nameof(input.SharePercent), "Andelen skal være mellem 0 og 100 %.");
        }

        if (input.Name is not null && await db.MemberMunicipalities.AnyAsync(m => m.Name == input.Name.Trim(), ct))
        {
            errors.Add(nameof(input.Name), "Kommunen er allerede medlem.");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var member = new MemberMunicipality { Name = input.Name!.Trim(), Population = input.Population, SharePercent = input.SharePercent };
        db.MemberMunicipalities.Add(member);
        await db.SaveChangesAsync(ct);
        return (member, errors);
    }

    public async Task<bool> RemoveMemberMunicipalityAsync(Guid id, CancellationToken ct)
    {
        var removed = await db.MemberMunicipalities.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (removed is null)
        {
            return false;
        }

        db.MemberMunicipalities.Remove(removed);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Creates a new organisation with the caller as its first administrator.</summary>
    public async Task<(Organisation? Created, ValidationErrors Errors)> CreateOrganisationAsync(string? name, OrganisationKind? kind, Guid creatorId, CancellationToken ct)
    {
        var errors = new ValidationErrors().Required("name", name, "Navn");
        if (kind is null || !Enum.IsDefined(kind.Value))
        {
            errors.Add("kind", "Vælg en organisationstype.");
        }

        if (name is not null && await db.Organisations.AnyAsync(o => o.Name == name.Trim(), ct))
        {
            errors.Add("name", "Der findes allerede en organisation med det navn.");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var now = time.GetUtcNow();
        var org = new Organisation { Name = name!.Trim(), Kind = kind!.Value, CreatedAt = now };
        db.Organisations.Add(org);
        // The new organisation's first membership is written on its behalf, not the caller's current one.
        var previous = (current.OrganisationId, current.Role);
        current.Enter(org.Id, OrganisationRole.Administrator);
        try
        {
            db.Memberships.Add(new Membership { OrganisationId = org.Id, UserId = creatorId, Role = OrganisationRole.Administrator, CreatedAt = now });
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            if (previous.OrganisationId is { } id)
            {
                current.Enter(id, previous.Role!.Value);
            }
        }

        return (org, errors);
    }

    private async Task<bool> IsLastAdministratorAsync(Membership membership, CancellationToken ct) =>
        !await db.Memberships.AnyAsync(m => m.Id != membership.Id && m.Role == OrganisationRole.Administrator, ct);

    public static string ZoneLabel(string id) => DanishTime.Zone(id).DisplayName;
}
