using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Stabsrum.Features.Goals;

/// <summary>
/// Small server-rendered SVG charts (ADR 0011): the same markup on screen, in print and in the PDF, no script,
/// no animation. Each chart is an image with a title and description; the numbers are always also in a table.
/// </summary>
public static class Charts
{
    private const int Width = 640;
    private const int Height = 240;
    private const int Left = 48;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 40;

    public sealed record Point(string Label, decimal Value);

    /// <summary>A line of values over periods with the target as a dashed line.</summary>
    public static IHtmlContent Line(string id, string title, string description, IReadOnlyList<Point> points, decimal? target, string unit)
    {
        var max = points.Select(p => p.Value).Append(target ?? 0).DefaultIfEmpty(1).Max();
        var min = Math.Min(0, points.Select(p => p.Value).DefaultIfEmpty(0).Min());
        if (max <= min)
        {
            max = min + 1;
        }

        max += (max - min) * 0.1m;
        double X(int i) => points.Count <= 1 ? Left + ((Width - Left - Right) / 2.0) : Left + (i * (Width - Left - Right) / (double)(points.Count - 1));
        double Y(decimal v) => Top + ((double)((max - v) / (max - min)) * (Height - Top - Bottom));

        var svg = Open(id, title, description);
        Axes(svg, min, max, Y, unit);
        if (target is { } t)
        {
            svg.Append(Inv($"<line stroke=\"#b00020\" stroke-width=\"2\" stroke-dasharray=\"6 4\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(t):0.#}\" y2=\"{Y(t):0.#}\" />"));
            svg.Append(Inv($"<text font-size=\"12\" fill=\"#222\" x=\"{Width - Right}\" y=\"{Y(t) - 4:0.#}\" text-anchor=\"end\">Mål {Format(t)} {Encode(unit)}</text>"));
        }

        if (points.Count > 0)
        {
            svg.Append("<polyline fill=\"none\" stroke=\"#0b5394\" stroke-width=\"2.5\" points=\"");
            svg.AppendJoin(' ', points.Select((p, i) => Inv($"{X(i):0.#},{Y(p.Value):0.#}")));
            svg.Append("\" />");
            for (var i = 0; i < points.Count; i++)
            {
                svg.Append(Inv($"<circle fill=\"#0b5394\" cx=\"{X(i):0.#}\" cy=\"{Y(points[i].Value):0.#}\" r=\"4\" />"));
                svg.Append(Inv($"<text font-size=\"12\" fill=\"#222\" x=\"{X(i):0.#}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{Encode(points[i].Label)}</text>"));
            }
        }

        return Close(svg);
    }

    /// <summary>Horizontal stacked bars: one bar per category, one segment per status step.</summary>
    public static IHtmlContent StackedBars(string id, string title, string description, IReadOnlyList<(string Label, IReadOnlyList<(string Css, int Count)> Segments)> bars)
    {
        const int barHeight = 22;
        const int labelWidth = 220;
        var height = Top + (bars.Count * (barHeight + 10)) + 10;
        var total = Math.Max(1, bars.Select(b => b.Segments.Sum(s => s.Count)).DefaultIfEmpty(1).Max());
        var svg = Open(id, title, description, height);
        for (var row = 0; row < bars.Count; row++)
        {
            var y = Top + (row * (barHeight + 10));
            svg.Append(Inv($"<text font-size=\"12\" fill=\"#222\" x=\"{labelWidth - 8}\" y=\"{y + 15}\" text-anchor=\"end\">{Encode(Shorten(bars[row].Label, 34))}</text>"));
            double x = labelWidth;
            foreach (var (css, count) in bars[row].Segments.Where(s => s.Count > 0))
            {
                var w = count * (Width - labelWidth - Right) / (double)total;
                svg.Append(Inv($"<rect fill=\"{Fill(css)}\" x=\"{x:0.#}\" y=\"{y}\" width=\"{w:0.#}\" height=\"{barHeight}\" />"));
                svg.Append(Inv($"<text font-size=\"12\" fill=\"{TextFill(css)}\" x=\"{x + (w / 2):0.#}\" y=\"{y + 15}\" text-anchor=\"middle\">{count}</text>"));
                x += w;
            }
        }

        return Close(svg);
    }

    private static StringBuilder Open(string id, string title, string description, int height = Height)
    {
        var svg = new StringBuilder();
        svg.Append(Inv($"<svg class=\"chart\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">"));
        svg.Append(Inv($"<title id=\"{id}-title\">{Encode(title)}</title><desc id=\"{id}-desc\">{Encode(description)}</desc>"));
        return svg;
    }

    private static HtmlString Close(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    private static void Axes(StringBuilder svg, decimal min, decimal max, Func<decimal, double> y, string unit)
    {
        svg.Append(Inv($"<line stroke=\"#555\" stroke-width=\"1\" x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" />"));
        svg.Append(Inv($"<line stroke=\"#555\" stroke-width=\"1\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Height - Bottom}\" y2=\"{Height - Bottom}\" />"));
        for (var i = 0; i <= 4; i++)
        {
            var v = min + ((max - min) * i / 4);
            svg.Append(Inv($"<text font-size=\"12\" fill=\"#222\" x=\"{Left - 6}\" y=\"{y(v) + 4:0.#}\" text-anchor=\"end\">{Format(v)}</text>"));
        }

        svg.Append(Inv($"<text font-size=\"12\" fill=\"#222\" x=\"4\" y=\"{Top - 4}\">{Encode(unit)}</text>"));
    }

    // Presentation attributes rather than CSS classes: the print view and the PDF load only print.css.
    private static string Fill(string status) => status switch
    {
        "status-done" => "#1b6e35",
        "status-active" => "#ffd23f",
        "status-postponed" => "#595959",
        _ => "#b6d4fe",
    };

    private static string TextFill(string status) => status is "status-done" or "status-postponed" ? "#ffffff" : "#000000";

    private static string Format(decimal v) => Math.Round(v, 1).ToString("0.#", Infrastructure.Time.DanishTime.Culture);

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static string Encode(string s) => HtmlEncoder.Default.Encode(s);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
