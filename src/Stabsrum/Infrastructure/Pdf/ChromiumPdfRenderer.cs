using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Stabsrum.Infrastructure.Pdf;

/// <summary>
/// Renders PDF with headless Chromium as a child process: write the HTML to a private temp folder, let
/// Chromium print it, read the PDF back. A semaphore bounds concurrent renders; a render that hangs is
/// killed with its process tree. Chromium runs with networking disabled and host resolution mapped to
/// nothing, so a print view can never fetch anything.
/// </summary>
public sealed class ChromiumPdfRenderer(IOptions<PdfOptions> options, ILogger<ChromiumPdfRenderer> logger) : IPdfRenderer, IDisposable
{
    private static readonly string[] KnownLocations = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentRenders);

    public string? ResolveChromium()
    {
        var configured = options.Value.ChromiumPath;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        return KnownLocations.FirstOrDefault(File.Exists);
    }

    public async Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken = default)
    {
        var chromium = ResolveChromium()
            ?? throw new PdfUnavailableException("PDF kan ikke dannes, fordi Chromium ikke er installeret på serveren. Brug udskriftsvisningen i stedet.");

        await _slots.WaitAsync(cancellationToken);
        var work = Directory.CreateTempSubdirectory("stabsrum-pdf-");
        try
        {
            var input = Path.Combine(work.FullName, "side.html");
            var output = Path.Combine(work.FullName, "side.pdf");
            await File.WriteAllTextAsync(input, html, cancellationToken);
            await RunChromiumAsync(chromium, work.FullName, input, output, cancellationToken);
            if (!File.Exists(output) || new FileInfo(output).Length == 0)
            {
                throw new PdfUnavailableException("Chromium dannede ingen PDF.");
            }

            return await File.ReadAllBytesAsync(output, cancellationToken);
        }
        finally
        {
            _slots.Release();
            TryDelete(work);
        }
    }

    private async Task RunChromiumAsync(string chromium, string workDir, string input, string output, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        string[] args =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            "--disable-extensions", "--disable-dev-shm-usage", "--host-resolver-rules=MAP * ~NOTFOUND",
            $"--user-data-dir={Path.Combine(workDir, "profile")}", "--no-pdf-header-footer",
            $"--print-to-pdf={output}", new Uri(input).AbsoluteUri,
        ];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new PdfUnavailableException("Chromium kunne ikke startes.");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new PdfUnavailableException($"PDF-dannelsen tog mere end {options.Value.TimeoutSeconds} sekunder og blev afbrudt.");
        }

        if (process.ExitCode != 0)
        {
            logger.LogWarning("Chromium exited with {ExitCode}: {Error}", process.ExitCode, await stderr);
            throw new PdfUnavailableException("Chromium kunne ikke danne PDF'en.");
        }
    }

    private static void TryDelete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A Chromium child may still hold a file for a moment; the OS temp cleaner takes it.
        }
    }

    public void Dispose() => _slots.Dispose();
}
