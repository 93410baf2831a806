using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Features.Registry.KeyPersons;

/// <summary>Create (/ny) and edit (/{id}) a key person; the same form and the same validation as the API.</summary>
[Authorize(Policy = Policies.MaintainRegistry)]
public sealed class EditModel(StabsrumDbContext db, KeyPersonChanges changes, KeyPersonQueries queries) : PageModel
{
    public sealed class PersonForm
    {
        public string? Name { get; set; }

        public string? Title { get; set; }

        public string? Unit { get; set; }

        public string? MobilePhone { get; set; }

        public string? WorkPhone { get; set; }

        public string? PrivatePhone { get; set; }

        public string? Email { get; set; }

        public bool HasClearance { get; set; }

        public ClearanceLevel? ClearanceLevel { get; set; }

        public DateOnly? ClearanceExpiresOn { get; set; }

        public string? Notes { get; set; }

        public Guid?[] Substitutes { get; set; } = new Guid?[3];

        public List<Guid> RoleIds { get; set; } = [];

        /// <summary>Only the target of validation messages about substitutes.</summary>
        public string? SubstituteIds { get; set; }
    }

    [BindProperty]
    public PersonForm Input { get; set; } = new();

    [FromRoute]
    public Guid? Id { get; set; }

    public bool IsNew => Id is null;

    public DateTimeOffset? VerifiedAt { get; private set; }

    public IReadOnlyList<NamedRef> Candidates { get; private set; } = [];

    public IReadOnlyList<NamedRef> Roles { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var person = await queries.GetAsync(id, ct);
            if (person is null)
            {
                return NotFound();
            }

            VerifiedAt = person.ContactVerifiedAt;
            Input = new PersonForm
            {
                Name = person.Name,
                Title = person.Title,
                Unit = person.Unit,
                MobilePhone = PhoneNumber.Display(person.MobilePhone),
                WorkPhone = PhoneNumber.Display(person.WorkPhone),
                PrivatePhone = PhoneNumber.Display(person.PrivatePhone),
                Email = person.Email,
                HasClearance = person.HasClearance,
                ClearanceLevel = Enum.TryParse<ClearanceLevel>(person.ClearanceLevel, out var level) ? level : null,
                ClearanceExpiresOn = person.ClearanceExpiresOn,
                Notes = person.Notes,
                Substitutes = person.Substitutes.Select(s => (Guid?)s.Id).Concat(Enumerable.Repeat<Guid?>(null, 3)).Take(Math.Max(3, person.Substitutes.Count)).ToArray(),
                RoleIds = person.Roles.Select(r => r.Id).ToList(),
            };
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new KeyPersonInput(
            null, Input.Name, Input.Title, Input.Unit, Input.MobilePhone, Input.WorkPhone, Input.PrivatePhone, Input.Email,
            Input.HasClearance, Input.ClearanceLevel, Input.ClearanceExpiresOn, Input.Notes,
            Input.Substitutes.OfType<Guid>().ToList(), Input.RoleIds, null);
        ValidationErrors? errors;
        if (Id is { } id)
        {
            // Keep the user link made elsewhere (API): the form does not show it.
            var userId = await db.KeyPersons.Where(p => p.Id == id).Select(p => p.UserId).SingleOrDefaultAsync(ct);
            errors = await changes.UpdateAsync(id, input with { UserId = userId }, ct);
            if (errors is null)
            {
                return NotFound();
            }
        }
        else
        {
            var (created, _, createErrors) = await changes.CreateAsync(input, ct);
            errors = createErrors;
            if (created is not null)
            {
                Message = $"{created.Name} er oprettet.";
                return Redirect($"/beredskab/noeglepersoner/{created.Id}");
            }
        }

        if (!errors.Any)
        {
            Message = $"{Input.Name?.Trim()} er gemt.";
            return Redirect($"/beredskab/noeglepersoner/{Id}");
        }

        errors.CopyTo(ModelState, nameof(Input));
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        if (Id is not { } id || !await changes.MarkVerifiedAsync(id, ct))
        {
            return NotFound();
        }

        Message = "Kontaktoplysningerne er markeret som bekræftet.";
        return Redirect($"/beredskab/noeglepersoner/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var errors = Id is { } id ? await changes.DeleteAsync(id, ct) : null;
        if (errors is null)
        {
            return NotFound();
        }

        if (errors.Any)
        {
            errors.CopyTo(ModelState);
            return await OnGetAsync(ct);
        }

        Message = $"{Input.Name ?? "Personen"} er slettet.";
        return Redirect("/beredskab/noeglepersoner");
    }

    public async Task<IActionResult> OnPostEraseAsync(bool confirm, CancellationToken ct)
    {
        if (!confirm)
        {
            ModelState.AddModelError("confirm", "Sæt flueben for at bekræfte anonymiseringen.");
            return await OnGetAsync(ct);
        }

        if (Id is not { } id || !await changes.EraseAsync(id, ct))
        {
            return NotFound();
        }

        Message = "Personen er anonymiseret.";
        return Redirect("/beredskab/noeglepersoner");
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        Id is { } id && await queries.ExportAsync(id, ct) is { } json ? File(json, "application/json", $"noegleperson-{id}.json") : NotFound();

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Candidates = await db.KeyPersons.AsNoTracking().Where(p => p.ErasedAt == null && p.Id != Id).OrderBy(p => p.Name)
            .Select(p => new NamedRef(p.Id, p.Name)).ToListAsync(ct);
        Roles = await db.StaffRoles.AsNoTracking().OrderBy(r => r.SortOrder).ThenBy(r => r.Name).Select(r => new NamedRef(r.Id, r.Name)).ToListAsync(ct);
        if (Input.Substitutes.Length < 3)
        {
            Input.Substitutes = Input.Substitutes.Concat(Enumerable.Repeat<Guid?>(null, 3 - Input.Substitutes.Length)).ToArray();
        }
    }
}
