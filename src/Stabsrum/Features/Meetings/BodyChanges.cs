using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Meetings;

/// <summary>Bodies and the people around them; and who the signed-in user is among them.</summary>
public sealed class BodyChanges(StabsrumDbContext db, CurrentOrganisation current, TimeProvider time)
{
    public async Task<MeetingResult<MeetingBody>> CreateAsync(BodyInput input, CancellationToken ct)
    {
        var errors = Validate(input);
        if (input.Id is { } id && await db.MeetingBodies.IgnoreQueryFilters().AnyAsync(b => b.Id == id, ct))
        {
            var existing = await db.MeetingBodies.SingleOrDefaultAsync(b => b.Id == id, ct);
            return existing is not null && existing.Name == input.Name?.Trim() ? MeetingResult<MeetingBody>.Done(existing) : MeetingResult<MeetingBody>.Clash("Der findes allerede et organ med dette id.");
        }

        var name = input.Name?.Trim() ?? "";
        if (!errors.Any && await db.MeetingBodies.AnyAsync(b => b.Name == name, ct))
        {
            errors.Add("name", $"Der findes allerede et organ, der hedder {name}.");
        }

        if (errors.Any)
        {
            return MeetingResult<MeetingBody>.Bad(errors);
        }

        var body = new MeetingBody
        {
            Id = input.Id ?? Guid.CreateVersion7(),
            OrganisationId = current.RequireOrganisationId(),
            Name = name,
            Description = Clean(input.Description),
            CreatedAt = time.GetUtcNow(),
        };
        db.MeetingBodies.Add(body);
        AddPeople(body, input.People ?? []);
        await db.SaveChangesAsync(ct);
        return MeetingResult<MeetingBody>.Done(body);
    }

    public async Task<MeetingResult<MeetingBody>> UpdateAsync(Guid id, BodyInput input, CancellationToken ct)
    {
        var body = await db.MeetingBodies.SingleOrDefaultAsync(b => b.Id == id, ct);
        if (body is null)
        {
            return MeetingResult<MeetingBody>.Missing();
        }

        var errors = Validate(input);
        var name = input.Name?.Trim() ?? "";
        if (!errors.Any && await db.MeetingBodies.AnyAsync(b => b.Name == name && b.Id != id, ct))
        {
            errors.Add("name", $"Der findes allerede et organ, der hedder {name}.");
        }

        if (errors.Any)
        {
            return MeetingResult<MeetingBody>.Bad(errors);
        }

        body.Name = name;
        body.Description = Clean(input.Description);
        db.BodyPeople.RemoveRange(await db.BodyPeople.Where(p => p.BodyId == id).ToListAsync(ct));
        AddPeople(body, input.People ?? []);
        await db.SaveChangesAsync(ct);
        return MeetingResult<MeetingBody>.Done(body);
    }

    private void AddPeople(MeetingBody body, IReadOnlyList<BodyPersonInput> people)
    {
        var order = 0;
        foreach (var p in people)
        {
            db.BodyPeople.Add(new BodyPerson
            {
                OrganisationId = body.OrganisationId,
                BodyId = body.Id,
                Name = p.Name!.Trim(),
                Email = p.Email!.Trim().ToLowerInvariant(),
                Title = Clean(p.Title),
                IsMember = p.IsMember,
                IsChair = p.IsChair,
                IsAgendaOwner = p.IsAgendaOwner,
                IsSubstituteOwner = p.IsSubstituteOwner,
                IsApprover = p.IsApprover,
                IsOnDistribution = p.IsOnDistribution,
                SortOrder = order++,
            });
        }
    }

    private static ValidationErrors Validate(BodyInput input)
    {
        var errors = new ValidationErrors().Required("name", input.Name, "Navnet");
        errors.Optional("description", input.Description, "Beskrivelsen", 2000);
        var people = input.People ?? [];
        if (people.Count > 200)
        {
            errors.Add("people", "Et organ kan højst have 200 personer.");
        }

        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < people.Count; i++)
        {
            var p = people[i];
            errors.Required($"people[{i}].name", p.Name, "Navnet");
            if (string.IsNullOrWhiteSpace(p.Email) || p.Email.Length > 256 || !MailAddress.TryCreate(p.Email.Trim(), out _))
            {
                errors.Add($"people[{i}].email", "Skriv en gyldig e-mailadresse.");
            }
            else if (!emails.Add(p.Email.Trim()))
            {
                errors.Add($"people[{i}].email", "Samme e-mailadresse står to gange.");
            }

            errors.Optional($"people[{i}].title", p.Title, "Titlen", 200);
        }

        if (people.Count(p => p.IsAgendaOwner) > 1)
        {
            errors.Add("people", "Et organ har én dagsordenansvarlig (og eventuelt en stedfortræder).");
        }

        return errors;
    }

    /// <summary>The signed-in user's e-mail, lower case; it is what ties a user to the people of a body.</summary>
    public async Task<string?> CurrentEmailAsync(CancellationToken ct)
    {
        if (current.UserId is not { } userId)
        {
            return null;
        }

        var email = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        return email?.ToLowerInvariant();
    }

    /// <summary>The agenda owner, the substitute, or an administrator may accept, order, publish and cancel.</summary>
    public async Task<bool> MayManageAgendaAsync(Guid bodyId, CancellationToken ct)
    {
        if (current.Can(Permission.Administer))
        {
            return true;
        }

        var email = await CurrentEmailAsync(ct);
        return email is not null && await db.BodyPeople.AnyAsync(p => p.BodyId == bodyId && p.Email == email && (p.IsAgendaOwner || p.IsSubstituteOwner), ct);
    }

    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
