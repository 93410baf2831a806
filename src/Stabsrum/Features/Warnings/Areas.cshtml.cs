using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Warnings;

/// <summary>Everyone may see which areas decide relevance; planners and administrators change them.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class AreasModel(StabsrumDbContext db, CurrentOrganisation current, WarningConfigurationChanges changes) : PageModel
{
    public sealed class AreaForm
    {
        public string? Name { get; set; }

        public string? Geocodes { get; set; }

        public string? Polygon { get; set; }
    }

    [BindProperty]
    public AreaForm Input { get; set; } = new();

    public IReadOnlyList<WarningArea> Areas { get; private set; } = [];

    public bool CanEdit => current.Can(Permission.MaintainRegistry);

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        var codes = (Input.Geocodes ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .Select(parts => new GeocodeInput(parts[0], parts.Length > 1 ? parts[1] : null))
            .ToList();
        var (area, errors) = await changes.AddAreaAsync(new AreaInput(Input.Name, codes, Input.Polygon), ct);
        if (area is null)
        {
            errors.CopyTo(ModelState, nameof(Input));
            await LoadAsync(ct);
            return Page();
        }

        Message = $"Området {area.Name} er tilføjet, og varslernes relevans er vurderet igen.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (!await changes.RemoveAreaAsync(id, ct))
        {
            return NotFound();
        }

        Message = "Området er fjernet.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Areas = await db.WarningAreas.AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);
}
