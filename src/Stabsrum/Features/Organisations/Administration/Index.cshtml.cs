using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Organisations.Administration;

[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(StabsrumDbContext db, CurrentOrganisation current, OrganisationChanges changes) : PageModel
{
    [BindProperty]
    public SettingsForm Input { get; set; } = new();

    public string KindName { get; private set; } = "";

    [TempData]
    public bool Saved { get; set; }

    public sealed class SettingsForm
    {
        public string? Name { get; set; }

        public bool ExerciseMode { get; set; }

        public bool RequireTwoFactor { get; set; }

        public string? TimeZoneId { get; set; }

        public string? Level0Name { get; set; }

        public string? Level1Name { get; set; }

        public string? Level2Name { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var org = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == current.OrganisationId, ct);
        Input = new SettingsForm
        {
            Name = org.Name,
            ExerciseMode = org.ExerciseMode,
            RequireTwoFactor = org.RequireTwoFactor,
            TimeZoneId = org.TimeZoneId,
            Level0Name = org.Level0Name,
            Level1Name = org.Level1Name,
            Level2Name = org.Level2Name,
        };
        KindName = OrganisationKinds.DanishName(org.Kind);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = await changes.UpdateSettingsAsync(
            new OrganisationSettingsInput(Input.Name, Input.ExerciseMode, Input.RequireTwoFactor, Input.TimeZoneId, Input.Level0Name, Input.Level1Name, Input.Level2Name), ct);
        if (errors.Any)
        {
            errors.CopyTo(ModelState, nameof(Input));
            KindName = OrganisationKinds.DanishName(await db.Organisations.Where(o => o.Id == current.OrganisationId).Select(o => o.Kind).SingleAsync(ct));
            return Page();
        }

        Saved = true;
        return RedirectToPage();
    }

    public string? LevelValue(int level) => level switch
    {
        0 => Input.Level0Name,
        1 => Input.Level1Name,
        _ => Input.Level2Name,
    };

    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
