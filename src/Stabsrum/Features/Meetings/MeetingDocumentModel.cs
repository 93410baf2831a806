using System.Text.Json;

namespace Stabsrum.Features.Meetings;

public sealed record ActionLine(string Text, string OwnerName, DateOnly? Deadline);

public sealed record ItemDocument(
    Guid Id,
    int Number,
    string Title,
    string Type,
    string Kind,
    string ProposedBy,
    string? JournalNumber,
    string? Resume,
    string? Indstilling,
    string? Decision,
    string? Sagsfremstilling,
    string? OekonomiskeKonsekvenser,
    IReadOnlyList<string> Attachments,
    DateOnly? DecisionDeadline,
    string? Notes,
    IReadOnlyList<ActionLine> Actions,
    int? PublishedInVersion)
{
    /// <summary>
    /// The item's sections in seed 004's order: Resumé, Indstilling, Beslutning, Sagsfremstilling, Økonomiske
    /// konsekvenser, Bilag. The agenda has no Beslutning yet; empty sections are left out.
    /// </summary>
    public IEnumerable<(string Heading, string Text)> Sections(bool minutes)
    {
        if (!string.IsNullOrWhiteSpace(Resume))
        {
            yield return ("Resumé", Resume);
        }

        if (!string.IsNullOrWhiteSpace(Indstilling))
        {
            yield return ("Indstilling", Indstilling);
        }

        if (minutes)
        {
            var decision = string.IsNullOrWhiteSpace(Decision) ? "Ingen beslutning ført til referat." : Decision;
            if (!string.IsNullOrWhiteSpace(Notes))
            {
                decision += "\n\n" + Notes;
            }

            yield return ("Beslutning", decision);
        }

        if (!string.IsNullOrWhiteSpace(Sagsfremstilling))
        {
            yield return ("Sagsfremstilling", Sagsfremstilling);
        }

        if (!string.IsNullOrWhiteSpace(OekonomiskeKonsekvenser))
        {
            yield return ("Økonomiske konsekvenser", OekonomiskeKonsekvenser);
        }

        if (Attachments.Count > 0)
        {
            yield return ("Bilag", string.Join('\n', Attachments));
        }
    }

    public string TypeLabel => MeetingText.TypeLabel(Type);
}

public sealed record StatusLine(string Unit, string Text);

public sealed record ApprovalLine(string Name, string Status, DateTimeOffset? RespondedAt, string? Comment);

/// <summary>
/// An agenda or minutes as a document: what the DOCX, the PDF, the e-mail and the frozen snapshot all render.
/// </summary>
public sealed record MeetingDocumentModel(
    bool IsMinutes,
    string BodyName,
    string Title,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Mode,
    string? Place,
    string? VirtualLink,
    int Version,
    bool IsSupplement,
    string? Changes,
    IReadOnlyList<string> Present,
    IReadOnlyList<string> Absent,
    IReadOnlyList<StatusLine> StatusRound,
    IReadOnlyList<ItemDocument> Items,
    IReadOnlyList<ApprovalLine> Approvals,
    string? CorrectionReason)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Heading => IsMinutes ? $"REFERAT {BodyName}" : IsSupplement ? $"TILLÆG {Version - 1} til dagsorden – {BodyName}" : $"DAGSORDEN {BodyName}";

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static MeetingDocumentModel Deserialize(string json) => JsonSerializer.Deserialize<MeetingDocumentModel>(json, Json)!;
}

public static class MeetingText
{
    public static string TypeLabel(string type) => type switch
    {
        nameof(AgendaItemType.Orientering) => "Orientering",
        nameof(AgendaItemType.Droeftelse) => "Drøftelse",
        nameof(AgendaItemType.Beslutning) => "Beslutning",
        _ => type,
    };

    public static string KindLabel(string kind) => kind == nameof(AgendaItemKind.Politisk) ? "Politisk dagsordenspunkt" : "Administrativt dagsordenspunkt";

    public static string StatusLabel(MinutesStatus status) => status switch
    {
        MinutesStatus.Kladde => "Kladde",
        MinutesStatus.TilGodkendelse => "Til godkendelse",
        MinutesStatus.Godkendt => "Godkendt",
        MinutesStatus.Udsendt => "Udsendt",
        MinutesStatus.Journaliseret => "Journaliseret",
        _ => status.ToString(),
    };

    public static string ApprovalLabel(string status) => status switch
    {
        nameof(ApprovalStatus.Afventer) => "Afventer",
        nameof(ApprovalStatus.Godkendt) => "Godkendt",
        nameof(ApprovalStatus.Kommenteret) => "Kommenteret",
        _ => status,
    };
}
