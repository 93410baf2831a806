using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Features.Plans;

[Authorize(Policy = Policies.MaintainRegistry)]
public sealed class EditModel(StabsrumDbContext db, PlanChanges changes, PlanDocuments documents) : PageModel
{
    [BindProperty]
    public PlanForm Input { get; set; } = new();

    [FromRoute]
    public Guid Id { get; set; }

    public string Title { get; private set; } = "";

    public bool Archived { get; private set; }

    public string? UploadError { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var plan = await LoadAsync(ct);
        if (plan is null)
        {
            return NotFound();
        }

        Input = PlanForm.From(plan);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is null)
        {
            return NotFound();
        }

        var (_, outcome, errors) = await changes.UpdateAsync(Id, Input.ToInput(), ct);
        if (outcome == PlanSaveOutcome.Updated)
        {
            Message = "Ændringerne er gemt.";
            return Redirect($"/beredskab/planer/{Id}");
        }

        errors.CopyTo(ModelState, nameof(Input));
        return Page();
    }

    public async Task<IActionResult> OnPostArchiveAsync(bool archived, CancellationToken ct)
    {
        var plan = await changes.SetArchivedAsync(Id, archived, ct);
        if (plan is null)
        {
            return NotFound();
        }

        Message = archived ? "Planen er arkiveret." : "Planen er genoptaget.";
        return Redirect($"/beredskab/planer/{Id}");
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct)
    {
        var plan = await LoadAsync(ct);
        if (plan is null)
        {
            return NotFound();
        }

        Input = PlanForm.From(plan);
        if (file is null)
        {
            UploadError = "Vælg en fil at uploade.";
            return Page();
        }

        await using var stream = file.OpenReadStream();
        var (version, error) = await documents.AddAsync(Id, new PlanDocuments.Upload(file.FileName, file.ContentType, file.Length, stream), ct);
        if (version is null)
        {
            UploadError = error ?? "Filen kunne ikke gemmes.";
            return Page();
        }

        Message = $"Version {version.Number} ({version.FileName}) er uploadet.";
        return Redirect($"/beredskab/planer/{Id}");
    }

    private async Task<Plan?> LoadAsync(CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == Id, ct);
        if (plan is not null)
        {
            Title = plan.Title;
            Archived = plan.Archived;
        }

        return plan;
    }
}
