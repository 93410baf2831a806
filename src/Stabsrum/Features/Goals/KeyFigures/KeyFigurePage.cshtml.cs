using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Goals.KeyFigures;

[Authorize(Policy = Policies.Read)]
public sealed class KeyFigurePageModel(StabsrumDbContext db, KeyFigureChanges changes, CurrentOrganisation current) : PageModel
{
    public KeyFigureView? Figure { get; private set; }

    public bool CanMaintain => current.CanMaintain();

    [BindProperty]
    public string? Period { get; set; }

    [BindProperty]
    public string? Value { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public string? Csv { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<string> ImportErrors { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMeasurementAsync(Guid id, CancellationToken ct)
    {
        if (!CanMaintain)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        var (value, valueError) = string.IsNullOrWhiteSpace(Value) ? (null, null) : ValueWithUnit.Parse(Value, Figure!.Figure.Unit);
        if (valueError is not null)
        {
            ModelState.AddModelError(nameof(Value), valueError);
            return Page();
        }

        var errors = await changes.RecordAsync(id, new MeasurementInput(Period, value, Comment), ct);
        if (errors is { Any: false })
        {
            Message = "Målingen er gemt.";
            return Redirect($"/maal/noegletal/{id}");
        }

        errors?.CopyTo(ModelState);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(Guid id, CancellationToken ct)
    {
        if (!CanMaintain)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var csv = Csv;
        if (Upload is { Length: > 0 } file)
        {
            if (file.Length > 1_000_000)
            {
                ImportErrors = ["Filen er større end 1 MB."];
                return Page();
            }

            using var reader = new StreamReader(file.OpenReadStream());
            csv = await reader.ReadToEndAsync(ct);
        }

        var (imported, errors) = await changes.ImportAsync(id, csv, ct);
        if (errors.Count > 0)
        {
            ImportErrors = errors;
            return Page();
        }

        Message = $"{imported} målinger er importeret.";
        return Redirect($"/maal/noegletal/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var figure = await db.KeyFigures.AsNoTracking().SingleOrDefaultAsync(k => k.Id == id, ct);
        if (figure is null)
        {
            return false;
        }

        var series = await db.Measurements.AsNoTracking().Where(m => m.KeyFigureId == id).OrderBy(m => m.PeriodStart).ToListAsync(ct);
        Figure = GoalQueries.KeyFigure(figure, series);
        return true;
    }
}
