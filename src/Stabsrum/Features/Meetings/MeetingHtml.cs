using System.Net;
using System.Text;
using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Features.Meetings;

/// <summary>
/// The agenda or minutes as a self-contained HTML print view (same structure as the DOCX): served at
/// <c>/moeder/{id}/dagsorden/udskrift</c> (add <c>?format=pdf</c>) and rendered to PDF for the e-mails.
/// </summary>
public static class MeetingHtml
{
    public static string Write(MeetingDocumentModel doc)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>").Append(E(doc.Heading)).Append("</title>");
        html.Append("<link rel=\"stylesheet\" href=\"/css/print.css\">");
        html.Append("<style>body{font-family:sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}th,td{border:1px solid #555;padding:.25rem .5rem;text-align:left;vertical-align:top}.meta{color:#333}</style>");
        html.Append("</head><body><main>");
        html.Append("<h1>").Append(E(doc.Heading)).Append("</h1>");
        if (doc.CorrectionReason is { Length: > 0 } reason)
        {
            html.Append("<p><strong>Rettet version ").Append(doc.Version).Append(".</strong> Begrundelse: ").Append(E(reason)).Append("</p>");
        }

        var place = doc.Mode == nameof(MeetingMode.Virtuelt) ? "Virtuelt: " + doc.VirtualLink : doc.Place;
        html.Append("<table><tbody>");
        Row(html, "Møde", doc.Title);
        Row(html, "Mødedato", DanishTime.ToLocal(doc.StartsAt).ToString("dddd 'd.' d. MMMM yyyy 'kl.' HH:mm", DanishTime.Culture));
        Row(html, "Mødested", place ?? "");
        Row(html, doc.IsMinutes ? "Referatversion" : "Dagsordenversion", doc.Version.ToString(DanishTime.Culture));
        html.Append("</tbody></table>");
        if (doc.IsSupplement && !string.IsNullOrWhiteSpace(doc.Changes))
        {
            html.Append("<h2>Ændringer i dette tillæg</h2>").Append(Paragraphs(doc.Changes));
        }

        if (doc.IsMinutes)
        {
            html.Append("<h2>Deltagere</h2><p>Til stede: ").Append(E(doc.Present.Count == 0 ? "–" : string.Join(", ", doc.Present))).Append("</p>");
            if (doc.Absent.Count > 0)
            {
                html.Append("<p>Afbud/fraværende: ").Append(E(string.Join(", ", doc.Absent))).Append("</p>");
            }

            if (doc.StatusRound.Count > 0)
            {
                html.Append("<h2>Mundtlig status fra enhederne</h2>");
                foreach (var line in doc.StatusRound)
                {
                    html.Append("<h3>").Append(E(line.Unit)).Append("</h3>").Append(Paragraphs(line.Text));
                }
            }
        }

        foreach (var item in doc.Items)
        {
            html.Append("<section><h2>Punkt ").Append(item.Number).Append(": ").Append(E(item.Title)).Append("</h2>");
            html.Append("<p class=\"meta\">");
            if (item.JournalNumber is { Length: > 0 } journal)
            {
                html.Append(E(journal)).Append(" · ");
            }

            html.Append(E(item.TypeLabel)).Append(" · ").Append(E(MeetingText.KindLabel(item.Kind))).Append(" · Stillet af ").Append(E(item.ProposedBy)).Append("</p>");
            foreach (var (heading, text) in item.Sections(doc.IsMinutes))
            {
                html.Append("<h3>").Append(E(heading)).Append("</h3>").Append(Paragraphs(text));
                if (heading == "Beslutning" && item.Actions.Count > 0)
                {
                    html.Append("<table><caption>Hvem gør hvad</caption><thead><tr><th scope=\"col\">Hvad</th><th scope=\"col\">Hvem</th><th scope=\"col\">Frist</th></tr></thead><tbody>");
                    foreach (var a in item.Actions)
                    {
                        html.Append("<tr><td>").Append(E(a.Text)).Append("</td><td>").Append(E(a.OwnerName)).Append("</td><td>")
                            .Append(E(a.Deadline?.ToString("d. MMMM yyyy", DanishTime.Culture) ?? "")).Append("</td></tr>");
                    }

                    html.Append("</tbody></table>");
                }
            }

            html.Append("</section>");
        }

        if (doc.IsMinutes && doc.Approvals.Count > 0)
        {
            html.Append("<h2>Godkendelse</h2><table><thead><tr><th scope=\"col\">Godkender</th><th scope=\"col\">Status</th><th scope=\"col\">Tidspunkt</th></tr></thead><tbody>");
            foreach (var a in doc.Approvals)
            {
                html.Append("<tr><td>").Append(E(a.Name)).Append("</td><td>").Append(E(MeetingText.ApprovalLabel(a.Status))).Append("</td><td>")
                    .Append(a.RespondedAt is { } at ? E(DanishTime.Format(at)) : "").Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        return html.Append("</main></body></html>").ToString();
    }

    private static void Row(StringBuilder html, string label, string value) =>
        html.Append("<tr><th scope=\"row\">").Append(E(label)).Append("</th><td>").Append(E(value)).Append("</td></tr>");

    private static string Paragraphs(string text) =>
        string.Concat(text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Where(l => l.Length > 0).Select(l => "<p>" + E(l) + "</p>"));

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
