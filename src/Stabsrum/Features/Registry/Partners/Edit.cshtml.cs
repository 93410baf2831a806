using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Features.Registry.Partners;

[Authorize(Policy = Policies.MaintainRegistry)]
public sealed class EditModel(StabsrumDbContext db, CatalogueChanges changes) : CatalogueEditPage<EditModel.PartnerForm>("/beredskab/samarbejdspartnere")
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

    protected override string SavedMessage => $"{Input.OrganisationName?.Trim()} er gemt.";

    protected override string DeletedMessage => "Samarbejdspartneren er slettet.";

    protected override async Task<PartnerForm?> LoadAsync(Guid id, CancellationToken ct) =>
        await db.ExternalPartners.AsNoTracking().Include(x => x.Contacts).SingleOrDefaultAsync(x => x.Id == id, ct) is { } p
            ? new PartnerForm
            {
                OrganisationName = p.OrganisationName,
                Kind = p.Kind,
                Provides = p.Provides,
                Notes = p.Notes,
                Contacts = p.Contacts.OrderBy(c => c.Position).Select(c => new ContactForm { Name = c.Name, Title = c.Title, Phone = PhoneNumber.Display(c.Phone), Email = c.Email }).ToList(),
            }
            : null;

    protected override async Task<ValidationErrors> CreateAsync(CancellationToken ct) => (await changes.CreatePartnerAsync(ToInput(), ct)).Errors;

    protected override Task<ValidationErrors?> UpdateAsync(Guid id, CancellationToken ct) => changes.UpdatePartnerAsync(id, ToInput(), ct);

    protected override async Task<ValidationErrors?> DeleteAsync(Guid id, CancellationToken ct) => Found(await changes.DeletePartnerAsync(id, ct));

    // Always one empty row more than filled, at least three: a new contact needs no script.
    protected override void PrepareForm()
    {
        while (Input.Contacts.Count < ContactRows || !string.IsNullOrWhiteSpace(Input.Contacts[^1].Name))
        {
            Input.Contacts.Add(new ContactForm());
        }
    }

    private ExternalPartnerInput ToInput() =>
        new(null, Input.OrganisationName, Input.Kind, Input.Provides, Input.Notes,
            Input.Contacts.Select(c => new PartnerContactInput(c.Name, c.Title, c.Phone, c.Email)).ToList());
}
