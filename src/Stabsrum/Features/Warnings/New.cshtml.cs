using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Features.Warnings;

[Authorize(Policy = Policies.OperateIncidents)]
public sealed class NewModel(WarningIntake intake, CurrentOrganisation current, TimeProvider time) : PageModel
{
    public sealed class ManualForm
    {
        /// <summary>Made when the form is shown, so a double submit stores the warning once.</summary>
        public Guid Id { get; set; }

        public string? Source { get; set; }

        public string? Headline { get; set; }

        public string? Text { get; set; }

        public DateTime? ReceivedAt { get; set; }

        public string? ReceivedBy { get; set; }
    }

    [BindProperty]
    public ManualForm Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public void OnGet()
    {
        Input.Id = Guid.CreateVersion7();
        Input.ReceivedAt = DanishTime.ToLocal(time.GetUtcNow()).DateTime.AddSeconds(-DanishTime.ToLocal(time.GetUtcNow()).Second);
        Input.ReceivedBy = current.UserName;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var receivedAt = Input.ReceivedAt is { } local ? DanishTime.FromLocal(local) : (DateTimeOffset?)null;
        var (result, errors) = await intake.RecordManualAsync(
            new ManualWarningInput(Input.Id, Input.Source, Input.Headline, Input.Text, receivedAt, Input.ReceivedBy), current.UserName ?? "ukendt", ct);
        if (result.Warning is null)
        {
            errors.CopyTo(ModelState, nameof(Input));
            return Page();
        }

        TempData["Message"] = "Varslet er registreret.";
        return Redirect($"/haendelser/varsler/{result.Warning.Id}");
    }
}
