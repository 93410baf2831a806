using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Goals.KeyFigures;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Goals.CostKeys;

[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(StabsrumDbContext db, CostKeyChanges changes, CurrentOrganisation current) : PageModel
{
    public IReadOnlyList<CostKey> Keys { get; private set; } = [];

    public bool CanMaintain => current.CanMaintain();

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public CostKeyMethod? Method { get; set; }

    [BindProperty]
    public DateOnly? PopulationDate { get; set; }

    [BindProperty]
    public string? SharesText { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanMaintain)
        {
            return Forbid();
        }

        ModelState.Clear();
        var shares = new List<ShareInput>();
        var lines = (SharesText ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split(';', 2);
            var number = parts.Length == 2 ? DanishNumber.Parse(parts[1]) : new DanishNumber.Result(null, "mangler »;« og et tal", DanishNumber.Separator.None);
            if (number.Error is not null)
            {
                ModelState.AddModelError(nameof(SharesText), $"Linje {i + 1}: {number.Error}");
            }

            shares.Add(new ShareInput(parts[0], number.Value));
        }

        if (ModelState.IsValid)
        {
            var (key, errors) = await changes.CreateAsync(new CostKeyInput(Name, Method, PopulationDate, Note, shares), ct);
            if (key is not null)
            {
                return Redirect($"/maal/fordelingsnoegler/{key.Id}");
            }

            foreach (var message in errors.ToDictionary().Values.SelectMany(m => m))
            {
                ModelState.AddModelError(string.Empty, message);
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Keys = await db.CostKeys.AsNoTracking().Include(k => k.Shares).OrderBy(k => k.Name).ToListAsync(ct);
}
