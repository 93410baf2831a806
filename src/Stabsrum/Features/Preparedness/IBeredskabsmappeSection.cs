using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Preparedness;

/// <summary>
/// One chapter of the beredskabsmappe, the printed paper fallback. Each feature that owns part of the plan
/// (alarm lists, plans register, action cards …) contributes its chapter, so the binder grows with the
/// registry instead of one page knowing every table.
/// </summary>
public interface IBeredskabsmappeSection
{
    /// <summary>Position in the binder; lower comes first.</summary>
    int Order { get; }

    string Title { get; }

    /// <summary>A partial view (e.g. <c>/Features/Plans/_MappePlans.cshtml</c>) rendered with the loaded model.</summary>
    string PartialViewName { get; }

    /// <summary>Loads the chapter's data for the current organisation (the context is already scoped).</summary>
    Task<object> LoadAsync(StabsrumDbContext db, CancellationToken cancellationToken);
}
