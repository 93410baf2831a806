namespace Stabsrum.Features.Meetings;

/// <summary>What a tillæg changes compared with the agenda version before it, one Danish line per change.</summary>
public static class AgendaDiff
{
    public static string Describe(MeetingDocumentModel? previous, MeetingDocumentModel next)
    {
        if (previous is null)
        {
            return "Dagsordenen er udsendt.";
        }

        var lines = new List<string>();
        var before = previous.Items.ToDictionary(i => i.Id);
        foreach (var item in next.Items)
        {
            if (!before.TryGetValue(item.Id, out var old))
            {
                lines.Add($"Nyt punkt {item.Number}: {item.Title}");
                continue;
            }

            var changed = new List<string>();
            if (old.Title != item.Title)
            {
                changed.Add("titel");
            }

            if (old.Number != item.Number)
            {
                changed.Add($"nummer (var {old.Number})");
            }

            foreach (var (heading, text) in item.Sections(false))
            {
                if (old.Sections(false).FirstOrDefault(s => s.Heading == heading).Text != text)
                {
                    changed.Add(heading.ToLowerInvariant());
                }
            }

            if (changed.Count > 0)
            {
                lines.Add($"Ændret punkt {item.Number}: {item.Title} ({string.Join(", ", changed)})");
            }
        }

        foreach (var gone in previous.Items.Where(i => next.Items.All(n => n.Id != i.Id)))
        {
            lines.Add($"Udgået punkt {gone.Number}: {gone.Title}");
        }

        return lines.Count == 0 ? "Dagsordenen er genudsendt uden ændringer." : string.Join('\n', lines);
    }
}
