using Stabsrum.Features.CaseFile;
using Stabsrum.Features.Tasks;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Pdf;

namespace Stabsrum.Features.ResourceRequests;

public sealed record CaseFileRequestStep(string? From, string To, string? Note, string ChangedAt, string ChangedBy);

public sealed record CaseFileCommitment(string ResourceName, int Quantity, string CommittedAt, string? ReleasedAt);

public sealed record CaseFileRequestRow(
    int Number, Guid Id, string RequesterKind, string RequesterName, string What, int Quantity, string? Unit, string Location, string? NeededBy,
    string Contact, string FinalStatus, string? ForwardedTo, string? Reason, string CreatedAt, IReadOnlyList<CaseFileRequestStep> Steps,
    IReadOnlyList<CaseFileCommitment> Commitments);

public sealed record CaseFileRequestsData(int Total, IReadOnlyList<CaseFileRequestRow> Requests, IReadOnlyList<CommittedResourceDto> StillCommitted);

/// <summary>Sagsakt chapter "Anmodninger om bistand": every request with its flow and the own resources it used.</summary>
internal sealed class CaseFileResourceRequests : ICaseFileSection, ICaseFilePdfChapter
{
    public int Order => 70;

    public string Title => "Anmodninger om bistand og ressourcer";

    public string PartialViewName => "/Features/ResourceRequests/Pages/_CaseFileRequests.cshtml";

    public string JsonFileName => "anmodninger.json";

    public async Task<CaseFileChapter> LoadAsync(StabsrumDbContext db, CaseFileRequest request, CancellationToken cancellationToken)
    {
        var requests = await ResourceRequestQueries.ForIncidentAsync(db, request.IncidentId, cancellationToken);
        var overview = await ResourceRequestQueries.OverviewAsync(db, request.IncidentId, cancellationToken);
        var rows = requests.Select((r, i) => new CaseFileRequestRow(
            i + 1, r.Id, r.RequesterKindName, r.RequesterName, r.What, r.Quantity, r.Unit, r.Location, r.NeededBy is { } n ? CaseFileTasks.Stamp(n) : null,
            r.Contact, r.StatusName, r.ForwardedTo, r.Reason, CaseFileTasks.Stamp(r.CreatedAt),
            r.Steps.Select(s => new CaseFileRequestStep(s.From is { } f ? RequestFlow.Label(f) : null, RequestFlow.Label(s.To), s.Note, CaseFileTasks.Stamp(s.ChangedAt), s.ChangedBy)).ToList(),
            r.Commitments.Select(c => new CaseFileCommitment(c.ResourceName, c.Quantity, CaseFileTasks.Stamp(c.CommittedAt), c.ReleasedAt is { } x ? CaseFileTasks.Stamp(x) : null)).ToList()))
            .ToList();
        return new CaseFileChapter(new CaseFileRequestsData(rows.Count, rows, overview.Committed));
    }

    /// <summary>Same text as <c>_CaseFileRequests.cshtml</c>: each request, its final status, own resources used and its steps.</summary>
    public void WritePdf(PdfFlow pdf, object data)
    {
        var d = (CaseFileRequestsData)data;
        pdf.Paragraph($"{d.Total} {(d.Total == 1 ? "anmodning" : "anmodninger")} om bistand.{(d.StillCommitted.Count > 0 ? $" {d.StillCommitted.Count} ressourceindsats(er) var stadig aktive ved journaliseringen." : "")}");
        foreach (var r in d.Requests)
        {
            pdf.Heading($"{r.Number}. {r.Quantity} {r.Unit ?? "stk."} {r.What}", CaseFilePdf.Sub);
            pdf.Paragraph(new PdfParagraph(
            [
                new PdfSpan($"Fra: {r.RequesterKind} {r.RequesterName} · Hvor: {r.Location} · Senest: {r.NeededBy ?? "ikke angivet"} · Kontakt: {r.Contact}\nSlutstatus: "),
                new PdfSpan(r.FinalStatus, Bold: true),
                new PdfSpan($"{(r.ForwardedTo is null ? "" : $" – videresendt til {r.ForwardedTo}")}{(r.Reason is null ? "" : $" – afvist: {r.Reason}")}"),
            ]));
            if (r.Commitments.Count > 0)
            {
                pdf.Paragraph("Egne ressourcer: " + string.Join("; ", r.Commitments.Select(c => $"{c.Quantity} × {c.ResourceName} fra {c.CommittedAt}" + (c.ReleasedAt is null ? " (ikke frigivet)" : $" til {c.ReleasedAt}"))));
            }

            pdf.Table([new PdfColumn("Tidspunkt", 1.6f), new PdfColumn("Fra", 1), new PdfColumn("Til", 1), new PdfColumn("Af", 1.3f), new PdfColumn("Bemærkning", 2)],
                r.Steps.Select(s => (IReadOnlyList<string?>)[s.ChangedAt, s.From ?? "–", s.To, s.ChangedBy, s.Note ?? ""]));
        }
    }
}
