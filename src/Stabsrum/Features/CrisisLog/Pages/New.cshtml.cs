using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Features.CrisisLog.Pages;

[Authorize(Policy = Policies.OperateIncidents)]
public sealed class NewModel(StabsrumDbContext db, IncidentChanges changes) : PageModel
{
    public sealed class InputModel
    {
        public string? Title { get; set; }

        public string? Type { get; set; }

        public string? Description { get; set; }

        public string? Area { get; set; }

        public DateTime? StartedAt { get; set; }

        public bool IsExercise { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public List<string> Types { get; private set; } = [];

    public async Task OnGetAsync(bool oevelse, CancellationToken ct)
    {
        Types = await IncidentChanges.IncidentTypesAsync(db, ct);
        Input.IsExercise = oevelse;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var started = Input.StartedAt is { } local ? DanishTime.FromLocal(local) : (DateTimeOffset?)null;
        var (incident, errors) = await changes.CreateAsync(new NewIncident(Input.Title, Input.Type, Input.Description, Input.Area, started, Input.IsExercise), ct);
        if (incident is null)
        {
            errors.CopyTo(ModelState, nameof(Input));
            Types = await IncidentChanges.IncidentTypesAsync(db, ct);
            return Page();
        }

        return Redirect($"/haendelser/{incident.Id}");
    }
}
