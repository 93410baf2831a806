using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Organisations.Administration;

[Authorize(Policy = Policies.Administer)]
public sealed class MembersModel(StabsrumDbContext db, OrganisationChanges changes) : PageModel
{
    public sealed record MemberRow(Guid Id, string DisplayName, string Email, OrganisationRole Role);

    public sealed class NewMemberForm
    {
        public string? Email { get; set; }

        public string? DisplayName { get; set; }

        public OrganisationRole Role { get; set; } = OrganisationRole.Stabsmedlem;
    }

    [BindProperty]
    public NewMemberForm Input { get; set; } = new();

    public IReadOnlyList<MemberRow> Members { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public string? Added { get; private set; }

    public string? InitialPassword { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var (added, errors) = await changes.AddMemberAsync(new NewMemberInput(Input.Email, Input.DisplayName, Input.Role), ct);
        if (added is null)
        {
            errors.CopyTo(ModelState, nameof(Input));
            await LoadAsync(ct);
            return Page();
        }

        // The initial password is shown on this response only, never stored in TempData or a redirect.
        Added = $"{Input.Email} er tilføjet som {Input.Role.DanishName()}.";
        InitialPassword = added.InitialPassword;
        ModelState.Clear();
        Input = new NewMemberForm();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRoleAsync(Guid membershipId, OrganisationRole role, CancellationToken ct) =>
        await Outcome(await changes.ChangeRoleAsync(membershipId, role, ct), "Rollen er ændret.", ct);

    public async Task<IActionResult> OnPostRemoveAsync(Guid membershipId, CancellationToken ct) =>
        await Outcome(await changes.RemoveMemberAsync(membershipId, ct), "Brugeren er fjernet fra organisationen.", ct);

    private async Task<IActionResult> Outcome(Infrastructure.Problems.ValidationErrors? errors, string success, CancellationToken ct)
    {
        if (errors is null)
        {
            return NotFound();
        }

        if (errors.Any)
        {
            errors.CopyTo(ModelState);
            await LoadAsync(ct);
            return Page();
        }

        Message = success;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Members = await (from m in db.Memberships.AsNoTracking()
                         join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                         orderby u.DisplayName
                         select new MemberRow(m.Id, u.DisplayName, u.Email ?? "", m.Role)).ToListAsync(ct);
}
