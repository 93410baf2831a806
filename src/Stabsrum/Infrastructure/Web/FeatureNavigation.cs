using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Infrastructure.Web;

/// <summary>The main menu's sections. A section's landing page lists the links its features register.</summary>
public static class Sections
{
    public const string Incidents = "haendelser";
    public const string Preparedness = "beredskab";
    public const string Meetings = "moeder";
    public const string Goals = "maal";
}

/// <summary>A link on a section's landing page, registered by the feature that owns the page it points to.</summary>
public sealed record SectionLink(string Section, string Title, string Href, string Description, Permission Permission = Permission.Read, int Order = 100);

/// <summary>A panel on the overview page (Overblik): a view component of the feature that owns the data.</summary>
public sealed record OverviewPanel(string ViewComponentName, int Order = 100);

/// <summary>
/// A link in an incident's own menu (alarmering, situationsbillede, opgaver …), registered by the feature that
/// owns the page. <see cref="PathSuffix"/> is appended to <c>/haendelser/{id}</c>, e.g. <c>/alarmering</c>.
/// </summary>
public sealed record IncidentLink(string Title, string PathSuffix, Permission Permission = Permission.Read, int Order = 100);

/// <summary>
/// A follow-up link under each crisis-log entry of one kind, registered by the feature that owns the target page
/// (e.g. Tasks: "Opret opgave" under a <i>beslutning</i>). <see cref="PathFormat"/> is appended to
/// <c>/haendelser/{id}</c> with <c>{0}</c> replaced by the entry's id. Shown only on an active incident.
/// </summary>
public sealed record LogEntryLink(string Title, string EntryKind, string PathFormat, Permission Permission = Permission.OperateIncidents, int Order = 100);

/// <summary>
/// Lets a feature put itself on a landing page without editing the page: the landing pages and the overview
/// read what features registered, so features developed side by side never collide in shared files.
/// </summary>
public static class FeatureNavigation
{
    public static IServiceCollection AddSectionLink(this IServiceCollection services, SectionLink link) => services.AddSingleton(link);

    public static IServiceCollection AddIncidentLink(this IServiceCollection services, IncidentLink link) => services.AddSingleton(link);

    public static IServiceCollection AddLogEntryLink(this IServiceCollection services, LogEntryLink link) => services.AddSingleton(link);

    public static IServiceCollection AddOverviewPanel(this IServiceCollection services, OverviewPanel panel) => services.AddSingleton(panel);

    public static IReadOnlyList<SectionLink> LinksFor(this IEnumerable<SectionLink> links, string section, ShellState shell) =>
        links.Where(l => l.Section == section && shell.Can(l.Permission)).OrderBy(l => l.Order).ThenBy(l => l.Title, StringComparer.Ordinal).ToList();

    public static IReadOnlyList<LogEntryLink> For(this IEnumerable<LogEntryLink> links, ShellState shell) =>
        links.Where(l => shell.Can(l.Permission)).OrderBy(l => l.Order).ThenBy(l => l.Title, StringComparer.Ordinal).ToList();

    public static IReadOnlyList<IncidentLink> For(this IEnumerable<IncidentLink> links, ShellState shell) =>
        links.Where(l => shell.Can(l.Permission)).OrderBy(l => l.Order).ThenBy(l => l.Title, StringComparer.Ordinal).ToList();
}

/// <summary>Model of the shared partial <c>_IncidentNav</c>: <c>&lt;partial name="_IncidentNav" model="new IncidentNavModel(id)" /&gt;</c>.</summary>
public sealed record IncidentNavModel(Guid IncidentId);
