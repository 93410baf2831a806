using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Registry;

/// <summary>
/// Reads key persons for the current caller. Private phone numbers leave the database only for callers who may
/// maintain the registry (planners, administrators): everyone else gets the work contact only.
/// </summary>
public sealed class KeyPersonQueries(StabsrumDbContext db, CurrentOrganisation current, TimeProvider time)
{
    private static readonly JsonSerializerOptions ExportJson = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public bool SeesPrivatePhones => current.Can(Permission.MaintainRegistry);

    public async Task<List<KeyPersonDto>> ListAsync(string? search, CancellationToken ct)
    {
        var query = db.KeyPersons.AsNoTracking().Where(p => p.ErasedAt == null);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLower();
            query = query.Where(p => p.Name.ToLower().Contains(term) || (p.Unit != null && p.Unit.ToLower().Contains(term)) || (p.Title != null && p.Title.ToLower().Contains(term)));
        }

        return await ProjectAsync(query.OrderBy(p => p.Name), ct);
    }

    public async Task<KeyPersonDto?> GetAsync(Guid id, CancellationToken ct) =>
        (await ProjectAsync(db.KeyPersons.AsNoTracking().Where(p => p.Id == id && p.ErasedAt == null), ct)).SingleOrDefault();

    private async Task<List<KeyPersonDto>> ProjectAsync(IQueryable<KeyPerson> query, CancellationToken ct)
    {
        var seesPrivate = SeesPrivatePhones;
        var rows = await query.Select(p => new
        {
            Person = p,
            Substitutes = p.Substitutes.OrderBy(s => s.Rank).Select(s => new NamedRef(s.SubstituteId, s.Substitute!.Name)).ToList(),
            Roles = p.Roles.Select(r => new NamedRef(r.RoleId, r.Role!.Name)).ToList(),
        }).ToListAsync(ct);
        return rows.Select(r => ToDto(r.Person, r.Substitutes, r.Roles.OrderBy(x => x.Name, StringComparer.Ordinal).ToList(), seesPrivate)).ToList();
    }

    public static KeyPersonDto ToDto(KeyPerson p, IReadOnlyList<NamedRef> substitutes, IReadOnlyList<NamedRef> roles, bool seesPrivate) => new(
        p.Id, p.Name, p.Title, p.Unit, p.MobilePhone, p.WorkPhone,
        seesPrivate ? p.PrivatePhone : null, !seesPrivate && p.PrivatePhone is not null,
        p.Email, p.HasClearance, p.ClearanceLevel?.ToString(), p.ClearanceExpiresOn, p.Notes, p.ContactVerifiedAt, p.UserId, substitutes, roles);

    /// <summary>
    /// GDPR art. 15: everything Stabsrum holds about one person — the record, whom they stand in for and who for
    /// them, their roles, the alarm lists they are on, and the change history of their record. Null if unknown.
    /// </summary>
    public async Task<byte[]?> ExportAsync(Guid id, CancellationToken ct)
    {
        var person = await db.KeyPersons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.ErasedAt == null, ct);
        if (person is null)
        {
            return null;
        }

        var substitutes = await db.KeyPersonSubstitutes.AsNoTracking().Where(s => s.PersonId == id).OrderBy(s => s.Rank).Select(s => s.Substitute!.Name).ToListAsync(ct);
        var standsInFor = await db.KeyPersonSubstitutes.AsNoTracking().Where(s => s.SubstituteId == id)
            .Join(db.KeyPersons, s => s.PersonId, p => p.Id, (s, p) => p.Name).ToListAsync(ct);
        var roles = await db.KeyPersonRoles.AsNoTracking().Where(r => r.PersonId == id).Select(r => r.Role!.Name).ToListAsync(ct);
        var lists = await db.AlarmListEntries.AsNoTracking().Where(e => e.PersonId == id)
            .Join(db.AlarmLists, e => e.AlarmListId, l => l.Id, (e, l) => new { Liste = l.Name, Linje = e.Position }).ToListAsync(ct);
        var organisationId = current.RequireOrganisationId();
        var entityId = id.ToString();
        var history = await db.AuditTrail.AsNoTracking()
            .Where(a => a.OrganisationId == organisationId && a.EntityType == nameof(KeyPerson) && a.EntityId == entityId)
            .OrderBy(a => a.OccurredAt)
            .Select(a => new { Tidspunkt = a.OccurredAt, Af = a.Actor, Handling = a.Action, Ændringer = a.Changes })
            .ToListAsync(ct);
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(ct);

        var export = new
        {
            Formål = "Indsigt efter databeskyttelsesforordningens artikel 15",
            Dataansvarlig = organisation,
            Dannet = time.GetUtcNow(),
            Person = new
            {
                person.Id,
                Navn = person.Name,
                Titel = person.Title,
                Enhed = person.Unit,
                Mobil = person.MobilePhone,
                Arbejdstelefon = person.WorkPhone,
                PrivatTelefon = person.PrivatePhone,
                Email = person.Email,
                Sikkerhedsgodkendt = person.HasClearance,
                Godkendelsesniveau = person.ClearanceLevel?.Danish(),
                GodkendelseUdløber = person.ClearanceExpiresOn,
                Noter = person.Notes,
                KontaktoplysningerBekræftet = person.ContactVerifiedAt,
                Oprettet = person.CreatedAt,
            },
            Stedfortrædere = substitutes,
            StedfortræderFor = standsInFor,
            Roller = roles,
            Alarmeringslister = lists,
            Historik = history,
        };
        return JsonSerializer.SerializeToUtf8Bytes(export, ExportJson);
    }
}
