using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.CaseFile;

/// <summary>
/// One chapter of an incident's case file (sagsakt) for the journal: the PDF and the ZIP that filing produces.
/// Each feature that holds part of the case (log, situation pictures, tasks, resource requests, minutes …)
/// contributes its chapter, so the export grows with the features instead of one exporter knowing every table.
/// </summary>
public interface ICaseFileSection
{
    /// <summary>Position in the case file; lower comes first.</summary>
    int Order { get; }

    string Title { get; }

    /// <summary>A partial view (e.g. <c>/Features/Tasks/_CaseFileTasks.cshtml</c>) rendered with <see cref="CaseFileChapter.Data"/>.</summary>
    string PartialViewName { get; }

    /// <summary>The chapter's file name in the ZIP, e.g. <c>opgaver.json</c>; <see cref="CaseFileChapter.Data"/> serialised.</summary>
    string JsonFileName { get; }

    /// <summary>
    /// Loads the chapter for one incident of the current organisation (the context is already scoped). Must be
    /// deterministic (stable ordering) so the same data gives the same PDF text.
    /// </summary>
    Task<CaseFileChapter> LoadAsync(StabsrumDbContext db, CaseFileRequest request, CancellationToken cancellationToken);
}

/// <param name="IncidentId">The incident being filed.</param>
/// <param name="IncludeConfidential">Whether the exporting user is cleared for <i>fortrolig</i> content.</param>
public sealed record CaseFileRequest(Guid IncidentId, bool IncludeConfidential);

/// <param name="Data">What the partial view renders and what is written as JSON.</param>
/// <param name="Attachments">Original files to put in the ZIP under <c>bilag/</c>.</param>
public sealed record CaseFileChapter(object Data, IReadOnlyList<CaseFileAttachment>? Attachments = null);

public sealed record CaseFileAttachment(string FileName, string ContentType, byte[] Content);
