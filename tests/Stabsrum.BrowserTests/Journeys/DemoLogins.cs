namespace Stabsrum.BrowserTests.Journeys;

/// <summary>The demo data the app loads into an empty database (Demo:Enabled).</summary>
public static class DemoLogins
{
    public const string Password = "Stabsrum-demo-2026";
    public const string Administrator = "admin@4k.demo";
    public const string IshoejStaff = "stab@ishoej.demo";
}
