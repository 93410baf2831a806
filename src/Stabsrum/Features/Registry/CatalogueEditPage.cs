using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stabsrum.Infrastructure.Problems;

namespace Stabsrum.Features.Registry;

/// <summary>
/// The shape the registry's catalogue edit pages share (staff roles, resources, partners): one page for a new entry
/// and an existing one; save goes back to the list with a message, refusals stand next to their fields; delete.
/// The pages supply only how to load, save and delete their kind of entry.
/// </summary>
public abstract class CatalogueEditPage<TForm>(string listUrl) : PageModel
    where TForm : class, new()
{
    [BindProperty]
    public TForm Input { get; set; } = new();

    [FromRoute]
    public Guid? Id { get; set; }

    public bool IsNew => Id is null;

    [TempData]
    public string? Message { get; set; }

    /// <summary>After saving: "… er gemt."</summary>
    protected abstract string SavedMessage { get; }

    protected abstract string DeletedMessage { get; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            if (await LoadAsync(id, ct) is not { } form)
            {
                return NotFound();
            }

            Input = form;
        }

        PrepareForm();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = Id is { } id ? await UpdateAsync(id, ct) : await CreateAsync(ct);
        if (errors is null)
        {
            return NotFound();
        }

        if (!errors.Any)
        {
            Message = SavedMessage;
            return Redirect(listUrl);
        }

        errors.CopyTo(ModelState, nameof(Input));
        PrepareForm();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var errors = Id is { } id ? await DeleteAsync(id, ct) : null;
        if (errors is null)
        {
            return NotFound();
        }

        if (errors.Any)
        {
            errors.CopyTo(ModelState);
            return await OnGetAsync(ct);
        }

        Message = DeletedMessage;
        return Redirect(listUrl);
    }

    /// <summary>The stored entry as a form, or null when there is none (in this organisation).</summary>
    protected abstract Task<TForm?> LoadAsync(Guid id, CancellationToken ct);

    protected abstract Task<ValidationErrors> CreateAsync(CancellationToken ct);

    /// <summary>Null when the entry does not exist.</summary>
    protected abstract Task<ValidationErrors?> UpdateAsync(Guid id, CancellationToken ct);

    /// <summary>Null when the entry does not exist; errors when the delete is refused.</summary>
    protected abstract Task<ValidationErrors?> DeleteAsync(Guid id, CancellationToken ct);

    /// <summary>Adjusts the form before it is shown (e.g. empty rows to fill in).</summary>
    protected virtual void PrepareForm()
    {
    }

    /// <summary>For deletes that only say whether there was something to delete.</summary>
    protected static ValidationErrors? Found(bool found) => found ? new ValidationErrors() : null;
}
