using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.FileProviders;
using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Infrastructure.Pdf;

/// <summary>Marks a page as a print view: <c>?format=pdf</c> on it returns the same HTML rendered as PDF.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PrintViewAttribute(string fileName) : Attribute
{
    public string FileName { get; } = fileName;
}

public static partial class PrintView
{
    public static WebApplicationBuilder AddPdf(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PdfOptions>().Bind(builder.Configuration.GetSection(PdfOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ChromiumPdfRenderer>();
        builder.Services.AddSingleton<IPdfRenderer>(sp => sp.GetRequiredService<ChromiumPdfRenderer>());
        builder.Services.AddSingleton<PdfFonts>();
        return builder;
    }

    /// <summary>
    /// One template for screen, print and PDF: the page renders its HTML as usual, and for <c>?format=pdf</c>
    /// this middleware captures it, inlines our stylesheets (Chromium reads a file, not our server) and
    /// hands it to the renderer.
    /// </summary>
    public static IApplicationBuilder UsePrintViews(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var print = context.GetEndpoint()?.Metadata.GetMetadata<PrintViewAttribute>();
            if (print is null || !HttpMethods.IsGet(context.Request.Method) || context.Request.Query["format"] != "pdf")
            {
                await next(context);
                return;
            }

            var original = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = original;
            }

            if (context.Response.StatusCode != StatusCodes.Status200OK || context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) != true)
            {
                buffer.Position = 0;
                await buffer.CopyToAsync(original, context.RequestAborted);
                return;
            }

            var html = Encoding.UTF8.GetString(buffer.ToArray());
            var env = context.RequestServices.GetRequiredService<IWebHostEnvironment>();
            var time = context.RequestServices.GetRequiredService<TimeProvider>();
            var self = InlineStylesheets(html, env.WebRootFileProvider, DanishTime.Format(time.GetUtcNow()));
            var pdf = await context.RequestServices.GetRequiredService<IPdfRenderer>().RenderAsync(self, context.RequestAborted);

            context.Response.ContentType = "application/pdf";
            context.Response.ContentLength = pdf.Length;
            context.Response.Headers.ContentDisposition = $"inline; filename=\"{print.FileName}.pdf\"";
            await original.WriteAsync(pdf, context.RequestAborted);
        });

    public static string InlineStylesheets(string html, IFileProvider webRoot, string generatedAt)
    {
        var inlined = StylesheetLink().Replace(html, match =>
        {
            var file = webRoot.GetFileInfo(match.Groups["href"].Value.Split('?')[0]);
            if (!file.Exists)
            {
                return "";
            }

            using var reader = new StreamReader(file.CreateReadStream());
            return "<style>" + reader.ReadToEnd() + "</style>";
        });

        // Running footer on every page: generation time left, "Side X af Y" right (print.css).
        var footer = $"<style>@page {{ @bottom-left {{ content: \"Dannet {generatedAt}\"; }} }}</style>";
        inlined = ScriptTag().Replace(inlined, "");
        return inlined.Replace("</head>", footer + "</head>", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("""<link[^>]*rel="stylesheet"[^>]*href="(?<href>/[^"]+)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex StylesheetLink();

    [GeneratedRegex("""<script\b[^>]*>.*?</script>""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptTag();
}
