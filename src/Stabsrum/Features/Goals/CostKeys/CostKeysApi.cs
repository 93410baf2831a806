using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.Goals.CostKeys;

public static class CostKeysApi
{
    public sealed record ShareDto(string Municipality, decimal Weight, decimal SharePercent);

    public sealed record CostKeyDto(Guid Id, string Name, string Method, DateOnly? PopulationDate, string? Note, IReadOnlyList<ShareDto> Shares);

    public sealed record PartDto(string Municipality, decimal SharePercent, decimal Exact, long Units, decimal Amount);

    public sealed record SplitDto(Guid KeyId, decimal Amount, string Unit, long TotalUnits, bool TotalWasRounded, IReadOnlyList<PartDto> Parts);

    public static void MapCostKeysApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapApiGroup("/cost-keys", "Fordelingsnøgler");
        keys.MapGet("/", List).RequireAuthorization(Policies.Read);
        keys.MapPost("/", Create).RequireAuthorization(Policies.MaintainRegistry);
        keys.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Read);
        keys.MapGet("/{id:guid}/split", Split).RequireAuthorization(Policies.Read);
        keys.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.MaintainRegistry);
    }

    private static async Task<Ok<List<CostKeyDto>>> List(StabsrumDbContext db, CancellationToken ct)
    {
        var keys = await db.CostKeys.AsNoTracking().Include(k => k.Shares).OrderBy(k => k.Name).ToListAsync(ct);
        return TypedResults.Ok(keys.Select(ToDto).ToList());
    }

    private static async Task<Results<Created<CostKeyDto>, ValidationProblem>> Create(CostKeyInput input, CostKeyChanges changes, CancellationToken ct)
    {
        var (key, errors) = await changes.CreateAsync(input, ct);
        return key is null ? errors.Problem() : TypedResults.Created($"/api/v1/cost-keys/{key.Id}", ToDto(key));
    }

    private static async Task<Results<Ok<CostKeyDto>, NotFound>> Get(Guid id, StabsrumDbContext db, CancellationToken ct) =>
        await LoadAsync(id, db, ct) is { } key ? TypedResults.Ok(ToDto(key)) : TypedResults.NotFound();

    /// <summary>?amount=17645000&amp;unit=TusindKroner → the table per municipality, summing exactly to the total.</summary>
    private static async Task<Results<Ok<SplitDto>, NotFound, ValidationProblem>> Split(Guid id, decimal? amount, RoundingUnit? unit, StabsrumDbContext db, CancellationToken ct)
    {
        var key = await LoadAsync(id, db, ct);
        if (key is null)
        {
            return TypedResults.NotFound();
        }

        var errors = new ValidationErrors();
        if (amount is not (>= 0 and <= 1_000_000_000_000m))
        {
            errors.Add("amount", "Angiv beløbet i kroner (0 til 1.000 mia.).");
        }

        if (unit is { } u && !Enum.IsDefined(u))
        {
            errors.Add("unit", "Afrunding skal være Kroner eller TusindKroner.");
        }

        if (CostSplit.Validate(key.Shares.Select(s => s.Weight).ToList()) is { } invalid)
        {
            errors.Add("shares", invalid);
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var result = Compute(key, amount!.Value, unit ?? RoundingUnit.Kroner);
        return TypedResults.Ok(new SplitDto(key.Id, amount.Value, result.Unit.ToString(), result.TotalUnits, result.TotalWasRounded,
            result.Parts.Select(p => new PartDto(p.Name, Math.Round(p.SharePercent, 4), Math.Round(p.Exact, 4), p.Units, p.Units * result.Unit.Size())).ToList()));
    }

    private static async Task<Results<NoContent, NotFound>> Delete(Guid id, CostKeyChanges changes, CancellationToken ct) =>
        await changes.DeleteAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    public static CostSplit.Result Compute(CostKey key, decimal amount, RoundingUnit unit) =>
        CostSplit.Split(amount, unit, key.Shares.OrderBy(s => s.SortOrder).Select(s => (s.Municipality, s.Weight)).ToList());

    public static Task<CostKey?> LoadAsync(Guid id, StabsrumDbContext db, CancellationToken ct) =>
        db.CostKeys.AsNoTracking().Include(k => k.Shares).SingleOrDefaultAsync(k => k.Id == id, ct);

    private static CostKeyDto ToDto(CostKey k)
    {
        var sum = k.Shares.Sum(s => s.Weight);
        return new(k.Id, k.Name, k.Method.ToString(), k.PopulationDate, k.Note,
            k.Shares.OrderBy(s => s.SortOrder).Select(s => new ShareDto(s.Municipality, s.Weight, sum == 0 ? 0 : Math.Round(100m * s.Weight / sum, 4))).ToList());
    }
}
