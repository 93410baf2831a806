using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Registry.KeyPersons;

[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(KeyPersonQueries queries, CurrentOrganisation current) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public IReadOnlyList<KeyPersonDto> Persons { get; private set; } = [];

    public bool CanMaintain => current.Can(Permission.MaintainRegistry);

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Persons = await queries.ListAsync(Search, ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var persons = await queries.ListAsync(null, ct);
        return File(RegistryCsv.KeyPersons(persons), RegistryCsv.ContentType, "noeglepersoner.csv");
    }
}
