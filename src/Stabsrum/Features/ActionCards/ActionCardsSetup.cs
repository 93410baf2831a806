using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.ActionCards;

internal static class ActionCardsSetup
{
    public static void AddActionCards(this IServiceCollection services)
    {
        services.AddScoped<ActionCardChanges>();
        services.AddSectionLink(new SectionLink(Sections.Preparedness, "Actionkort", "/beredskab/actionkort",
            "Versionerede tjeklister pr. rolle eller situation (bilag F), klar til at blive til opgaver i en hændelse.", Permission.Read, 70));
    }
}
