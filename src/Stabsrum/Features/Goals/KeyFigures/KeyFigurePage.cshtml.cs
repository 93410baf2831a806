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
    public KeyFigureView? View { get; private set; }

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

    /// <summary>The "Ret nøgletal" form: the stored definition, or what was posted when it was refused.</summary>
    [BindProperty]
    public KeyFigureForm Figure { get; set; } = new();

    public bool EditOpen { get; private set; }

    public string? DeleteRefusal { get; private set; }

    public IReadOnlyList<string> ImportErrors { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Figure = KeyFigureForm.From(View!.Figure);
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(Guid id, CancellationToken ct)
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
        EditOpen = true;
        if (Figure.ToInput(ModelState, nameof(Figure)) is not { } input)
        {
            return Page();
        }

        var errors = await changes.UpdateAsync(id, input, ct);
        if (errors is { Any: false })
        {
            Message = "Nøgletallet er gemt.";
            return Redirect($"/maal/noegletal/{id}");
        }

        errors?.CopyTo(ModelState, nameof(Figure));
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        if (!CanMaintain)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var outcome = await changes.DeleteAsync(id, ct);
        if (outcome.Refusal is { } refusal)
        {
            DeleteRefusal = refusal;
            Figure = KeyFigureForm.From(View!.Figure);
            return Page();
        }

        Message = $"Nøgletallet »{View!.Figure.Name}« og dets målinger er slettet.";
        return Redirect($"/maal/maal/{View.Figure.GoalId}");
    }

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
        Figure = KeyFigureForm.From(View!.Figure);
        var (value, valueError) = string.IsNullOrWhiteSpace(Value) ? (null, null) : ValueWithUnit.Parse(Value, View.Figure.Unit);
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

        Figure = KeyFigureForm.From(View!.Figure);
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
        View = GoalQueries.KeyFigure(figure, series);
        return true;
    }
}
