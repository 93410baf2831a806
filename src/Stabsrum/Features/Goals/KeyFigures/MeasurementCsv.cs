using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Stabsrum.Features.Goals.KeyFigures;

/// <summary>
/// Reads a measurement file: a header with <c>periode</c>, <c>værdi</c> and optionally <c>kommentar</c>,
/// separated by semicolons (Danish Excel) or commas. Every problem is reported with its line number, and a file
/// with any problem imports nothing.
/// </summary>
public static class MeasurementCsv
{
    public const int MaxRows = 5000;

    public sealed record Row(int Line, Period Period, decimal Value, string? Comment);

    public static (IReadOnlyList<Row> Rows, IReadOnlyList<string> Errors) Parse(string? csv)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(csv))
        {
            return ([], ["Filen er tom."]);
        }

        var firstLine = csv.Split('\n', 2)[0];
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = firstLine.Contains(';', StringComparison.Ordinal) ? ";" : firstLine.Contains('\t', StringComparison.Ordinal) ? "\t" : ",",
            HasHeaderRecord = true,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            TrimOptions = TrimOptions.Trim,
        };

        var parsed = new List<(int Line, string PeriodText, string ValueText, Period? Period, DanishNumber.Result Number, string? Comment)>();
        using (var reader = new CsvReader(new StringReader(csv.TrimStart('\uFEFF')), config))
        {
            if (!reader.Read() || !reader.ReadHeader())
            {
                return ([], ["Filen mangler en overskriftslinje."]);
            }

            var header = reader.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToList();
            var periodColumn = header.FindIndex(h => h == "periode");
            var valueColumn = header.FindIndex(h => h is "værdi" or "vaerdi");
            var commentColumn = header.FindIndex(h => h == "kommentar");
            if (periodColumn < 0 || valueColumn < 0)
            {
                return ([], ["Overskriften skal indeholde kolonnerne »periode« og »værdi« (og evt. »kommentar«)."]);
            }

            while (reader.Read())
            {
                var line = reader.Parser.RawRow;
                if (parsed.Count >= MaxRows)
                {
                    return ([], [$"Filen har mere end {MaxRows} rækker."]);
                }

                var periodText = reader.GetField(periodColumn) ?? "";
                var valueText = reader.GetField(valueColumn) ?? "";
                var comment = commentColumn >= 0 ? reader.GetField(commentColumn) : null;
                if (periodText.Length == 0 && valueText.Length == 0)
                {
                    continue;
                }

                parsed.Add((line, periodText, valueText, Period.TryParse(periodText, out var p) ? p : null, DanishNumber.Parse(valueText), string.IsNullOrWhiteSpace(comment) ? null : comment));
            }
        }

        if (parsed.Count == 0)
        {
            return ([], ["Filen indeholder ingen målinger."]);
        }

        // A file that uses decimal commas in some rows and decimal points in others was put together from
        // different sources; which reading is right for the point rows cannot be known, so they are refused.
        var usesComma = parsed.Any(r => r.Number.DecimalSeparator == DanishNumber.Separator.Comma);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<Row>();
        foreach (var r in parsed)
        {
            if (r.Period is not { } period)
            {
                errors.Add($"Linje {r.Line}: {Period.FormatError(r.PeriodText)}");
            }
            else if (seen.TryGetValue(period.Text, out var earlier))
            {
                errors.Add($"Linje {r.Line}: perioden {period.Text} står også i linje {earlier}.");
            }
            else
            {
                seen[period.Text] = r.Line;
            }

            if (r.Number.Error is { } numberError)
            {
                errors.Add($"Linje {r.Line}: {numberError}");
            }
            else if (usesComma && r.Number.DecimalSeparator == DanishNumber.Separator.Point)
            {
                errors.Add($"Linje {r.Line}: »{r.ValueText}« bruger decimalpunktum, mens andre linjer bruger decimalkomma. Skriv {r.ValueText.Replace('.', ',')}.");
            }

            if (r.Comment is { Length: > 1000 })
            {
                errors.Add($"Linje {r.Line}: kommentaren må højst være 1000 tegn.");
            }

            if (r.Period is { } ok && r.Number.Value is { } value)
            {
                rows.Add(new Row(r.Line, ok, value, r.Comment));
            }
        }

        return errors.Count > 0 ? ([], errors) : (rows, errors);
    }
}
