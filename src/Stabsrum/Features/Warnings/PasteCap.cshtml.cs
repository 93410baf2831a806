using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Warnings;

[Authorize(Policy = Policies.OperateIncidents)]
public sealed class PasteCapModel(WarningIntake intake, CurrentOrganisation current) : PageModel
{
    public string? Xml { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? xml, CancellationToken ct)
    {
        Xml = xml;

        // Pasted text is already decoded: drop an encoding declaration that would contradict UTF-8.
        var text = System.Text.RegularExpressions.Regex.Replace(xml ?? "", @"^\s*<\?xml[^>]*\?>", "<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        var result = await intake.IngestCapAsync(Encoding.UTF8.GetBytes(text.Trim()), new CapSource(WarningOrigin.Cap, current.UserName ?? "ukendt"), ct);
        if (result.Warning is null)
        {
            Errors = result.Errors;
            return Page();
        }

        TempData["Message"] = result.Outcome == IntakeOutcome.Duplicate ? "Meddelelsen var allerede modtaget." : "Meddelelsen er indlæst.";
        return Redirect($"/haendelser/varsler/{result.Warning.Id}");
    }
}
