using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Stabsrum.Features.Goals.KeyFigures;

namespace Stabsrum.Features.Goals;

/// <summary>
/// CSV exports for spreadsheets: semicolon-separated with a BOM so Danish Excel opens them directly. Cells that
/// start with =, +, - or @ are escaped so a goal text can never run as a formula in the recipient's Excel.
/// </summary>
public static class GoalsCsv
{
    private static readonly string[] Header = ["Type", "Nr.", "Fokusområde", "Tekst", "Fastsat", "Ansvarlig", "Tidsplan", "Status", "Bagud", "Opfyldt %", "Nøgletal", "Enhed", "Udgangspunkt", "Mål", "Seneste måling", "Periode"];

    public static byte[] Export(PlanView plan) => Write(csv =>
    {
        Row(csv, Header);
        foreach (var g in plan.Goals)
        {
            Row(csv, "Mål", g.Goal.Number.ToString(CultureInfo.InvariantCulture), g.FocusPath, g.Goal.Title, g.Goal.Kind.Label(), g.Goal.Owner, "", g.TimelineText, g.BehindCount > 0 ? "ja" : "nej", g.Fulfilment.Percent?.ToString(CultureInfo.InvariantCulture), "", "", "", "", "", "");
            foreach (var i in g.Initiatives)
            {
                Row(csv, "Initiativ", i.Number, g.FocusPath, i.Initiative.Text, "", i.Initiative.Responsible, i.Initiative.Schedule.ToString(), i.Initiative.Status.Label(), i.IsBehind ? "ja" : "nej", "", "", "", "", "", "", "");
            }

            foreach (var k in g.KeyFigures)
            {
                Row(csv, "Nøgletal", g.Goal.Number.ToString(CultureInfo.InvariantCulture), g.FocusPath, k.Figure.Name, "", k.Figure.MeasuredBy, k.Figure.TargetPeriod, k.Attainment.Met ? "Nået" : "Ikke nået", "", k.Attainment.Percent.ToString(CultureInfo.InvariantCulture),
                    k.Figure.Name, k.Figure.Unit.Symbol(), Number(k.Figure.BaselineValue), Number(k.Figure.TargetValue), Number(k.Attainment.Latest), k.Attainment.LatestPeriod);
            }
        }
    });

    public static byte[] Write(Action<CsvWriter> write)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = ";",
            InjectionOptions = InjectionOptions.Escape,
        };
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, config))
        {
            write(csv);
        }

        return stream.ToArray();
    }

    public static string Number(decimal? value) => value?.ToString("0.####", Infrastructure.Time.DanishTime.Culture) ?? "";

    public static string FileName(string name) =>
        new string(name.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-').ToLowerInvariant();

    private static void Row(CsvWriter csv, params string?[] cells)
    {
        foreach (var cell in cells)
        {
            csv.WriteField(cell ?? "");
        }

        csv.NextRecord();
    }
}
