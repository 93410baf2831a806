using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Features.Registry.Partners;

[Authorize(Policy = Policies.MaintainRegistry)]
public sealed class EditModel(StabsrumDbContext db, CatalogueChanges changes) : PageModel
{
    private const int ContactRows = 3;

    public sealed class ContactForm
    {
        public string? Name { get; set; }

        public string? Title { get; set; }

        public string? Phone { get; set; }

        public string? Email { get; set; }
    }

    public sealed class PartnerForm
    {
        public string? OrganisationName { get; set; }

        public PartnerKind? Kind { get; set; }

        public string? Provides { get; set; }

        public string? Notes { get; set; }

        public List<ContactForm> Contacts { get; set; } = [];
    }

    [BindProperty]
    public PartnerForm Input { get; set; } = new();

    [FromRoute]
    public Guid? Id { get; set; }

    public bool IsNew => Id is null;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var p = await db.ExternalPartners.AsNoTracking().Include(x => x.Contacts).SingleOrDefaultAsync(x => x.Id == id, ct);
            if (p is null)
            {
                return NotFound();
            }

            Input = new PartnerForm
            {
                OrganisationName = p.OrganisationName,
                Kind = p.Kind,
                Provides = p.Provides,
                Notes = p.Notes,
                Contacts = p.Contacts.OrderBy(c => c.Position).Select(c => new ContactForm { Name = c.Name, Title = c.Title, Phone = PhoneNumber.Display(c.Phone), Email = c.Email }).ToList(),
            };
        }

        PadContacts();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new ExternalPartnerInput(null, Input.OrganisationName, Input.Kind, Input.Provides, Input.Notes,
            Input.Contacts.Select(c => new PartnerContactInput(c.Name, c.Title, c.Phone, c.Email)).ToList());
        ValidationErrors? errors;
        if (Id is { } id)
        {
            errors = await changes.UpdatePartnerAsync(id, input, ct);
            if (errors is null)
            {
                return NotFound();
            }
        }
        else
        {
            (_, _, errors) = await changes.CreatePartnerAsync(input, ct);
        }

        if (!errors.Any)
        {
            Message = $"{Input.OrganisationName?.Trim()} er gemt.";
            return Redirect("/beredskab/samarbejdspartnere");
        }

        errors.CopyTo(ModelState, nameof(Input));
        PadContacts();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (Id is not { } id || !await changes.DeletePartnerAsync(id, ct))
        {
            return NotFound();
        }

        Message = "Samarbejdspartneren er slettet.";
        return Redirect("/beredskab/samarbejdspartnere");
    }

    // Always one empty row more than filled, at least three: a new contact needs no script.
    private void PadContacts()
    {
        while (Input.Contacts.Count < ContactRows || !string.IsNullOrWhiteSpace(Input.Contacts[^1].Name))
        {
            Input.Contacts.Add(new ContactForm());
        }
    }
}
