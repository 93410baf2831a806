using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Stabsrum.Infrastructure.Pdf;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Pdf;

public sealed class PdfTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    [Fact]
    public async Task Chromium_renders_Danish_text_that_pdftotext_reads_back()
    {
        var renderer = app.Services.GetRequiredService<IPdfRenderer>();

        var pdf = await renderer.RenderAsync("""
            <!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Prøve</title></head>
            <body><h1>Situationsbillede for Høje-Taastrup</h1><p>Æbler, øl og ål – beredskabsniveau 2.</p></body></html>
            """);

        var text = await PdfText.ExtractAsync(pdf);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4), StringComparison.Ordinal);
        Assert.Contains("Situationsbillede for Høje-Taastrup", text, StringComparison.Ordinal);
        Assert.Contains("Æbler, øl og ål", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_print_view_is_served_as_PDF_with_page_numbers_and_generation_time()
    {
        var org = await app.CreateOrganisationAsync($"Vallensbæk PDF {Guid.NewGuid():N}"[..30]);
        var admin = await app.CreateUserAsync(org, OrganisationRole.Administrator);
        var client = await app.LoginAsync(admin, org);

        using var html = await client.GetAsync("/administration/revisionsspor/udskriv");
        using var response = await client.GetAsync("/administration/revisionsspor/udskriv?format=pdf");

        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = await PdfText.ExtractAsync(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Revisionsspor – " + org.Name, text, StringComparison.Ordinal);
        Assert.Contains("Side 1 af 1", text, StringComparison.Ordinal);
        Assert.Contains("Dannet ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_Chromium_the_PDF_answers_503_in_Danish_and_the_print_view_still_works()
    {
        var noChromium = new ConfiguredFactory("Pdf:ChromiumPath", "/findes/ikke/chromium");
        await ((IAsyncLifetime)noChromium).InitializeAsync();
        var org = await noChromium.CreateOrganisationAsync();
        var client = await noChromium.LoginAsync(await noChromium.CreateUserAsync(org, OrganisationRole.Administrator), org);

        using var pdf = await client.GetAsync("/administration/revisionsspor/udskriv?format=pdf");
        using var html = await client.GetAsync("/administration/revisionsspor/udskriv");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
        Assert.Equal("application/problem+json", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Chromium", await pdf.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        await ((IAsyncLifetime)noChromium).DisposeAsync();
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task A_hanging_render_is_killed_after_the_timeout()
    {
        using var fake = FakeChromium.Create("sleep 30");
        using var renderer = new ChromiumPdfRenderer(Options.Create(new PdfOptions { ChromiumPath = fake.Path, TimeoutSeconds = 1 }), NullLogger<ChromiumPdfRenderer>.Instance);
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<PdfUnavailableException>(() => renderer.RenderAsync("<html></html>"));

        Assert.Contains("afbrudt", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.False(File.Exists(fake.Log) && File.ReadAllText(fake.Log).Contains("end", StringComparison.Ordinal), "the hung process ran to completion");
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Concurrent_renders_are_bounded_by_the_pool_size()
    {
        using var fake = FakeChromium.Create("sleep 0.4");
        using var renderer = new ChromiumPdfRenderer(Options.Create(new PdfOptions { ChromiumPath = fake.Path, MaxConcurrentRenders = 2 }), NullLogger<ChromiumPdfRenderer>.Instance);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => renderer.RenderAsync("<html></html>")));

        Assert.Equal(2, FakeChromium.MaxOverlap(File.ReadAllLines(fake.Log)));
    }
}

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
/// <summary>A stand-in for Chromium that logs start/end, sleeps as told and writes a tiny PDF where --print-to-pdf says.</summary>
internal sealed class FakeChromium : IDisposable
{
    private readonly string _dir;

    private FakeChromium(string dir)
    {
        _dir = dir;
    }

    public string Path => System.IO.Path.Combine(_dir, "chromium");

    public string Log => System.IO.Path.Combine(_dir, "log");

    public static FakeChromium Create(string work)
    {
        var fake = new FakeChromium(Directory.CreateTempSubdirectory("fake-chromium-").FullName);
        File.WriteAllText(fake.Path, $$"""
            #!/bin/sh
            echo "start $(date +%s%N)" >> {{fake.Log}}
            {{work}}
            for a in "$@"; do case "$a" in --print-to-pdf=*) printf '%%PDF-1.4 fake' > "${a#--print-to-pdf=}";; esac; done
            echo "end $(date +%s%N)" >> {{fake.Log}}
            """);
        File.SetUnixFileMode(fake.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return fake;
    }

    public static int MaxOverlap(IEnumerable<string> lines)
    {
        var events = lines.Select(l => l.Split(' ')).Select(p => (Time: long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), Delta: p[0] == "start" ? 1 : -1))
            .OrderBy(e => e.Time).ThenBy(e => e.Delta);
        int running = 0, max = 0;
        foreach (var (_, delta) in events)
        {
            running += delta;
            max = Math.Max(max, running);
        }

        return max;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

internal static class PdfText
{
    public static async Task<string> ExtractAsync(byte[] pdf, int? firstPage = null, int? lastPage = null)
    {
        var file = System.IO.Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            string[] pages = firstPage is { } f && lastPage is { } l ? ["-f", f.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", l.ToString(System.Globalization.CultureInfo.InvariantCulture)] : [];
            var start = new ProcessStartInfo("pdftotext", [.. pages, "-enc", "UTF-8", file, "-"]) { RedirectStandardOutput = true };
            using var process = Process.Start(start)!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
