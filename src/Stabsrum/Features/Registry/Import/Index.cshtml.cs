using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Features.Registry.Import;

/// <summary>
/// Upload → preview → commit. Between preview and commit the file travels back in a hidden field (base64), so no
/// half-finished batch is kept on the server; the commit re-validates everything before it saves.
/// </summary>
[Authorize(Policy = Policies.MaintainRegistry)]
[RequestFormLimits(MultipartBodyLengthLimit = 2 * RegistryImport.MaxBytes, ValueLengthLimit = 2 * RegistryImport.MaxBytes)]
[RequestSizeLimit(3L * RegistryImport.MaxBytes)]
public sealed class IndexModel(RegistryImport import) : PageModel
{
    [BindProperty]
    public ImportKind Kind { get; set; } = ImportKind.KeyPersons;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Batch { get; set; }

    public ImportReport? Report { get; private set; }

    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnGetSample(ImportKind kind) =>
        File(RegistryImport.Sample(kind), RegistryCsv.ContentType, kind == ImportKind.KeyPersons ? "noeglepersoner-eksempel.csv" : "ressourcer-eksempel.csv");

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Vælg en CSV-fil.");
            return Page();
        }

        if (Upload.Length > RegistryImport.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), $"Filen er større end {RegistryImport.MaxBytes / 1024 / 1024} MB. Del den op i flere filer.");
            return Page();
        }

        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        Report = await import.RunAsync(Kind, bytes, commit: false, ct);
        Batch = Report.Valid ? Convert.ToBase64String(bytes) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(CancellationToken ct)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(Batch ?? "");
        }
        catch (FormatException)
        {
            ModelState.AddModelError(nameof(Upload), "Forhåndsvisningen er udløbet. Upload filen igen.");
            return Page();
        }

        Report = await import.RunAsync(Kind, bytes, commit: true, ct);
        Batch = null;
        if (Report.Committed)
        {
            Message = $"{Report.Rows} {Report.Kind} er importeret.";
            Report = null;
        }

        return Page();
    }
}
