namespace Stabsrum.Infrastructure.Web;

/// <summary>What a section landing page passes to the shared link list: its section and what is still to come.</summary>
public sealed record SectionLinksModel(string Section, string Coming);
