namespace Stabsrum.Features.Warnings.Feeds;

/// <summary>Settings under <c>Warnings:Feeds</c>.</summary>
public sealed class WarningFeedOptions
{
    public const string Section = "Warnings:Feeds";

    /// <summary>Run the background poller. Feeds themselves are enabled per organisation.</summary>
    public bool PollingEnabled { get; set; } = true;

    /// <summary>How often the poller looks for due feeds.</summary>
    public TimeSpan Tick { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait for one HTTP response (feed or alert), measured on the injected clock.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between attempts while a feed fails.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Most alerts fetched from one feed per poll (the rest come next time).</summary>
    public int MaxAlertsPerPoll { get; set; } = 200;
}
