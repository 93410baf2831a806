namespace Stabsrum.BrowserTests.Infrastructure;

/// <summary>
/// The tests drive the system's Chromium; Playwright never downloads a browser. A missing Chromium fails
/// every browser test with this message rather than skipping them silently.
/// </summary>
public static class ChromiumExecutable
{
    public const string Variable = "STABSRUM_CHROMIUM";
    public const string DefaultPath = "/usr/bin/chromium";

    public static string Find()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        var path = string.IsNullOrWhiteSpace(configured) ? DefaultPath : configured;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at '{path}'. The browser tests use an installed Chromium and never download one: " +
                $"install it (Debian: apt-get install chromium) or set {Variable} to the path of a Chromium executable.");
        }

        return path;
    }
}
