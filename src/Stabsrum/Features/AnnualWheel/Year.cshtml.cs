using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Features.AnnualWheel;

/// <summary>The year month by month (or one month): every date an obligation falls due, recurring ones repeated.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class YearModel(StabsrumDbContext db) : PageModel
{
    public sealed record MonthItems(int Number, IReadOnlyList<(DateOnly Date, Obligation Obligation)> Items);

    [FromRoute]
    public int Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "maaned")]
    public int? Month { get; set; }

    public IReadOnlyList<MonthItems> Months { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Year is < 2000 or > 2100 || Month is < 1 or > 12)
        {
            return NotFound();
        }

        var obligations = await db.Obligations.AsNoTracking().ToListAsync(ct);
        var from = new DateOnly(Year, Month ?? 1, 1);
        var to = Month is { } m ? from.AddMonths(1).AddDays(-1) : new DateOnly(Year, 12, 31);
        var items = obligations
            .Where(o => !o.IsDone)
            .SelectMany(o => o.Occurrences(from, to).Select(d => (Date: d, Obligation: o)))
            .OrderBy(i => i.Date).ThenBy(i => i.Obligation.Title, StringComparer.Ordinal)
            .ToList();
        Months = Enumerable.Range(from.Month, to.Month - from.Month + 1)
            .Select(month => new MonthItems(month, items.Where(i => i.Date.Month == month).ToList()))
            .ToList();
        return Page();
    }
}
