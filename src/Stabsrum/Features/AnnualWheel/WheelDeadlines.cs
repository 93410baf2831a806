namespace Stabsrum.Features.AnnualWheel;

/// <summary>
/// A deadline another feature shows in the årshjul (e.g. a goal's reporting line). The årshjul only displays it;
/// it is edited where it lives (<see cref="Href"/>). <see cref="Uid"/> is stable across feeds so calendar apps update
/// rather than duplicate it.
/// </summary>
public sealed record WheelDeadline(string Uid, DateOnly Date, string Title, string Kind, string? Owner, string? Href, string? Description, DateTimeOffset Stamp);

/// <summary>
/// A feature that contributes deadlines to the årshjul. Registered by that feature (the årshjul knows none of their
/// tables). Called for the signed-in organisation's pages and for the anonymous calendar feed, so implementations scope
/// by <c>organisationId</c> explicitly.
/// </summary>
public interface IAnnualWheelSource
{
    Task<IReadOnlyList<WheelDeadline>> DeadlinesAsync(Guid organisationId, DateOnly from, DateOnly to, CancellationToken ct);
}

public static class AnnualWheelSources
{
    /// <summary>Every registered source's deadlines in [from, to], in date order.</summary>
    public static async Task<IReadOnlyList<WheelDeadline>> DeadlinesAsync(this IEnumerable<IAnnualWheelSource> sources, Guid organisationId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var all = new List<WheelDeadline>();
        foreach (var source in sources)
        {
            all.AddRange(await source.DeadlinesAsync(organisationId, from, to, ct));
        }

        return all.Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ThenBy(d => d.Title, StringComparer.Ordinal).ToList();
    }

    public static IServiceCollection AddAnnualWheelSource<TSource>(this IServiceCollection services)
        where TSource : class, IAnnualWheelSource => services.AddScoped<IAnnualWheelSource, TSource>();
}
