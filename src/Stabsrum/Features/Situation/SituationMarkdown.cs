using System.Text;
using Stabsrum.Features.CaseFile;

namespace Stabsrum.Features.Situation;

/// <summary>A situation picture version as Markdown (for e-mail, the journal or another authority's system).</summary>
public static class SituationMarkdown
{
    public static string Render(string incidentTitle, SituationPicture p)
    {
        var md = new StringBuilder();
        md.Append("# Situationsbillede version ").Append(p.Version).Append(": ").AppendLine(incidentTitle);
        md.AppendLine();
        md.Append("Status: ").Append(SituationSections.StatusName(p.Status));
        if (p.PublishedAt is { } published)
        {
            md.Append(' ').Append(CaseFileTime.Format(published)).Append(" af ").Append(p.PublishedBy);
        }

        md.AppendLine().AppendLine();
        foreach (var section in SituationSections.All)
        {
            Section(md, section.Title, section.Read(p));
        }

        md.Append("## ").AppendLine(SituationSections.UnitsTitle).AppendLine();
        if (p.Units.Count == 0)
        {
            md.AppendLine("Ingen.").AppendLine();
        }

        foreach (var unit in p.Units.OrderBy(u => u.SortOrder))
        {
            Section(md, unit.Unit, unit.Text, level: "###");
        }

        md.AppendLine("## Næste møde og opdatering").AppendLine();
        md.Append("- Næste møde: ").AppendLine(p.NextMeetingAt is { } m ? CaseFileTime.Format(m) : "ikke fastsat");
        md.Append("- Næste opdatering: ").AppendLine(p.NextUpdateDue is { } d ? CaseFileTime.Format(d) : "ikke fastsat");
        return md.ToString();
    }

    private static void Section(StringBuilder md, string title, string text, string level = "##")
    {
        md.Append(level).Append(' ').AppendLine(Escape(title)).AppendLine();
        md.AppendLine(string.IsNullOrWhiteSpace(text) ? "Intet angivet." : text.Trim()).AppendLine();
    }

    private static string Escape(string text) => text.Replace("\n", " ", StringComparison.Ordinal);
}
