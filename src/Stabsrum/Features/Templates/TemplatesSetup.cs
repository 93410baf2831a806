using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.Templates;

internal static class TemplatesSetup
{
    public static void AddTemplates(this IServiceCollection services)
    {
        services.AddScoped<TemplateChanges>();
        services.AddSectionLink(new SectionLink(Sections.Preparedness, "Skabeloner", "/beredskab/skabeloner",
            "Skabeloner (bilag E) til dagsorden, referat, situationsbillede, pressemeddelelse og log med pladsholdere.", Permission.Read, 80));
    }
}
