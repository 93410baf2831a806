using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.AnnualWheel;

/// <summary>The year month by month (or one month): every date an obligation falls due, recurring ones repeated.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class YearModel(StabsrumDbContext db, CurrentOrganisation current, IEnumerable<IAnnualWheelSource> sources) : PageModel
{
    /// <summary>One date in the wheel: an obligation's occurrence or another feature's deadline.</summary>
    public sealed record WheelItem(DateOnly Date, string Title, string Kind, string? Owner, string? Href);

    public sealed record MonthItems(int Number, IReadOnlyList<WheelItem> Items);

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
            .SelectMany(o => o.Occurrences(from, to).Select(d => new WheelItem(d, o.Title, o.Kind.DanishName(), o.Owner, null)))
            .Concat((await sources.DeadlinesAsync(current.RequireOrganisationId(), from, to, ct)).Select(d => new WheelItem(d.Date, d.Title, d.Kind, d.Owner, d.Href)))
            .OrderBy(i => i.Date).ThenBy(i => i.Title, StringComparer.Ordinal)
            .ToList();
        Months = Enumerable.Range(from.Month, to.Month - from.Month + 1)
            .Select(month => new MonthItems(month, items.Where(i => i.Date.Month == month).ToList()))
            .ToList();
        return Page();
    }
}
