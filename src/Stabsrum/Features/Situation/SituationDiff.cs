namespace Stabsrum.Features.Situation;

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

public sealed record DiffLine(DiffKind Kind, string Text);

/// <summary>What happened to one section between two versions: its lines marked kept, added or removed.</summary>
public sealed record SectionDiff(string Key, string Title, bool Changed, IReadOnlyList<DiffLine> Lines);

/// <summary>Compares two versions of a situation picture section by section (units matched by name), line by line.</summary>
public static class SituationDiff
{
    public static IReadOnlyList<SectionDiff> Compare(SituationPicture from, SituationPicture to)
    {
        var result = SituationSections.All
            .Select(s => Section(s.Key, s.Title, s.Read(from), s.Read(to)))
            .ToList();
        var units = from.Units.OrderBy(u => u.SortOrder).Select(u => u.Unit)
            .Concat(to.Units.OrderBy(u => u.SortOrder).Select(u => u.Unit))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var unit in units)
        {
            var before = from.Units.FirstOrDefault(u => string.Equals(u.Unit, unit, StringComparison.OrdinalIgnoreCase))?.Text ?? "";
            var after = to.Units.FirstOrDefault(u => string.Equals(u.Unit, unit, StringComparison.OrdinalIgnoreCase))?.Text ?? "";
            result.Add(Section("unit:" + unit, $"{SituationSections.UnitsTitle}: {unit}", before, after));
        }

        result.Add(Section("nextMeetingAt", "Næste møde", Time(from.NextMeetingAt), Time(to.NextMeetingAt)));
        result.Add(Section("nextUpdateDue", "Næste opdatering", Time(from.NextUpdateDue), Time(to.NextUpdateDue)));
        return result;
    }

    /// <summary>A longest-common-subsequence line diff; sections are short, so quadratic is fine.</summary>
    public static IReadOnlyList<DiffLine> Lines(string before, string after)
    {
        var a = Split(before);
        var b = Split(after);
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<DiffLine>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                lines.Add(new DiffLine(DiffKind.Same, a[x]));
                x++;
                y++;
            }
            else if (lcs[x + 1, y] >= lcs[x, y + 1])
            {
                lines.Add(new DiffLine(DiffKind.Removed, a[x++]));
            }
            else
            {
                lines.Add(new DiffLine(DiffKind.Added, b[y++]));
            }
        }

        lines.AddRange(a[x..].Select(l => new DiffLine(DiffKind.Removed, l)));
        lines.AddRange(b[y..].Select(l => new DiffLine(DiffKind.Added, l)));
        return lines;
    }

    private static SectionDiff Section(string key, string title, string before, string after)
    {
        var lines = Lines(before, after);
        return new SectionDiff(key, title, lines.Any(l => l.Kind != DiffKind.Same), lines);
    }

    private static string[] Split(string text) =>
        text.Length == 0 ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    private static string Time(DateTimeOffset? value) => value is { } v ? Infrastructure.Time.DanishTime.Format(v) : "";
}
