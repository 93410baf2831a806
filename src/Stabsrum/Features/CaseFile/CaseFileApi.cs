using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.CaseFile;

/// <summary><c>POST /api/v1/incidents/{id}/case-file?format=zip|pdf</c>: files the incident and answers the file.</summary>
public static class CaseFileApi
{
    public static void MapCaseFileApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/incidents/{id:guid}/case-file", "Sagsakt");
        group.MapPost("/", Export).RequireAuthorization(Policies.OperateIncidents);
    }

    private static async Task<IResult> Export(Guid id, string? format, HttpContext http, CaseFileExporter exporter, CancellationToken ct)
    {
        if (format is not (null or "zip" or "pdf"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["Formatet skal være zip eller pdf."] }, detail: "Et eller flere felter er ugyldige.");
        }

        var output = await exporter.ExportAsync(http, id, ct);
        if (output is null)
        {
            return TypedResults.NotFound();
        }

        var stem = "sagsakt-" + Infrastructure.Time.DanishTime.ToLocal(output.Record.ExportedAt).ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        return format == "pdf"
            ? TypedResults.File(output.Pdf, "application/pdf", stem + ".pdf")
            : TypedResults.File(output.Zip, "application/zip", stem + ".zip");
    }
}
