using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.CallOut.Pages;

/// <summary>
/// /beredskab/proevealarm: a test call-out without an incident. Every answer marks the person's contact data as
/// verified (the readiness panel); the page also keeps who is opted in for exercise call-outs.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class TestAlarmModel(StabsrumDbContext db, CallOutComposer composer, CallOutBoard board, ExerciseOptIns optIns, CurrentOrganisation current) : PageModel
{
    [BindProperty]
    public ComposeInput Input { get; set; } = new();

    [BindProperty]
    public List<Guid> OptedIn { get; set; } = [];

    [TempData]
    public string? Message { get; set; }

    public ComposeChoices Choices { get; private set; } = null!;

    public List<CallOutSummaryDto> CallOuts { get; private set; } = [];

    public HashSet<Guid> CurrentOptIns { get; private set; } = [];

    public bool CanMaintain => current.Can(Permission.MaintainRegistry);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.Id = Guid.CreateVersion7();
        Input.Message = "Prøvealarm fra krisestaben: ingen handling nødvendig. Svar venligst, så vi ved, at vi kan nå dig.";
        Input.App = false;
        await LoadAsync(ct);
    }

    /// <summary>A post without a handler (no button pressed) shows the page again.</summary>
    public IActionResult OnPost() => Redirect(Request.Path);

    public async Task<IActionResult> OnPostComposeAsync(CancellationToken ct)
    {
        if (!CanMaintain)
        {
            return Forbid();
        }

        var (draft, errors) = await composer.ComposeAsync(Input.ToRequest(null), ct);
        if (draft is null)
        {
            errors.CopyTo(ModelState, nameof(Input));
            await LoadAsync(ct);
            return Page();
        }

        return Redirect($"/beredskab/proevealarm/{draft.Id}");
    }

    public async Task<IActionResult> OnPostOptInsAsync(CancellationToken ct)
    {
        if (!CanMaintain)
        {
            return Forbid();
        }

        var persons = await db.Set<Registry.KeyPerson>().AsNoTracking().Where(p => p.ErasedAt == null).Select(p => p.Id).ToListAsync(ct);
        var wanted = OptedIn.ToHashSet();
        foreach (var person in persons)
        {
            await optIns.SetAsync(person, wanted.Contains(person), ct);
        }

        Message = $"{wanted.Intersect(persons).Count()} personer er tilmeldt øvelsesalarmeringer.";
        return Redirect("/beredskab/proevealarm#oevelse");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Choices = await ComposeChoices.LoadAsync(db, false, ct);
        CallOuts = await board.ListAsync(null, true, ct);
        CurrentOptIns = (await db.ExerciseOptIns.AsNoTracking().Select(o => o.PersonId).ToListAsync(ct)).ToHashSet();
    }
}
