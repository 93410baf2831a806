using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Features.Templates;

[Authorize(Policy = Policies.MaintainRegistry)]
public sealed class NewModel(TemplateChanges changes) : PageModel
{
    [BindProperty]
    public TemplateForm Input { get; set; } = new();

    [BindProperty]
    public Guid ClientId { get; set; }

    [TempData]
    public string? Message { get; set; }

    public void OnGet() => ClientId = Guid.CreateVersion7();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (template, _, errors) = await changes.CreateAsync(Input.ToInput(ClientId == Guid.Empty ? null : ClientId), ct);
        if (template is not null)
        {
            Message = $"Skabelonen \"{template.Name}\" er gemt.";
            return Redirect($"/beredskab/skabeloner/{template.Id}");
        }

        errors.CopyTo(ModelState, nameof(Input));
        return Page();
    }

    /// <summary>Adds the standard templates that are not there already (by name).</summary>
    public async Task<IActionResult> OnPostStandardAsync(CancellationToken ct)
    {
        var added = 0;
        foreach (var (name, kind, body) in StandardTemplates.All)
        {
            var (template, created, _) = await changes.CreateAsync(new TemplateInput(null, name, kind, body), ct);
            added += template is not null && created ? 1 : 0;
        }

        Message = $"{added} standardskabeloner er indsat.";
        return Redirect("/beredskab/skabeloner");
    }
}
