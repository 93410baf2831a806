using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Features.Goals.CostKeys;

[Authorize(Policy = Policies.Read)]
public sealed class KeyModel(StabsrumDbContext db) : PageModel
{
    public CostKey? Key { get; private set; }

    [BindProperty(SupportsGet = true, Name = "beloeb")]
    public string? AmountText { get; set; }

    [BindProperty(SupportsGet = true, Name = "enhed")]
    public RoundingUnit Unit { get; set; } = RoundingUnit.TusindKroner;

    public decimal? Amount { get; private set; }

    public string? AmountError { get; private set; }

    public CostSplit.Result? Split { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Split is not { } split)
        {
            return Page();
        }

        var bytes = GoalsCsv.Write(csv =>
        {
            csv.WriteField("Kommune");
            csv.WriteField("Vægt");
            csv.WriteField("Andel %");
            csv.WriteField(split.Unit.Label());

            csv.NextRecord();
            foreach (var p in split.Parts)
            {
                csv.WriteField(p.Name);
                csv.WriteField(GoalsCsv.Number(p.Weight));
                csv.WriteField(GoalsCsv.Number(Math.Round(p.SharePercent, 4)));
                csv.WriteField(p.Units.ToString(System.Globalization.CultureInfo.InvariantCulture));
                csv.NextRecord();
            }

            csv.WriteField("I alt");
            csv.WriteField(GoalsCsv.Number(split.Parts.Sum(p => p.Weight)));
            csv.WriteField("100");
            csv.WriteField(split.TotalUnits.ToString(System.Globalization.CultureInfo.InvariantCulture));
            csv.NextRecord();
        });
        return File(bytes, "text/csv; charset=utf-8", $"{GoalsCsv.FileName(Key!.Name)}.csv");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var view = await SplitView.LoadAsync(db, id, AmountText, Unit, ct);
        if (view is null)
        {
            return false;
        }

        (Key, Unit, Amount, AmountError, Split) = view;
        return true;
    }
}

/// <summary>A key with the split asked for in the query string; shared by the key page and its print view.</summary>
public sealed record SplitView(CostKey Key, RoundingUnit Unit, decimal? Amount, string? AmountError, CostSplit.Result? Split)
{
    public static async Task<SplitView?> LoadAsync(StabsrumDbContext db, Guid id, string? amountText, RoundingUnit unit, CancellationToken ct)
    {
        var key = await CostKeysApi.LoadAsync(id, db, ct);
        if (key is null)
        {
            return null;
        }

        unit = Enum.IsDefined(unit) ? unit : RoundingUnit.TusindKroner;
        if (string.IsNullOrWhiteSpace(amountText))
        {
            return new SplitView(key, unit, null, null, null);
        }

        var (amount, error) = CostKeyChanges.ParseAmount(amountText);
        if (amount is null)
        {
            return new SplitView(key, unit, null, error, null);
        }

        return CostSplit.Validate(key.Shares.Select(s => s.Weight).ToList()) is { } invalid
            ? new SplitView(key, unit, amount, invalid, null)
            : new SplitView(key, unit, amount, null, CostKeysApi.Compute(key, amount.Value, unit));
    }
}
