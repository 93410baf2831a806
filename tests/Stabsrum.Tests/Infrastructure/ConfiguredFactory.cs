using Microsoft.AspNetCore.Hosting;

namespace Stabsrum.Tests.Infrastructure;

/// <summary>The app with one configuration value overridden (e.g. a missing Chromium).</summary>
public sealed class ConfiguredFactory(string key, string value) : StabsrumFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(key, value);
    }
}
