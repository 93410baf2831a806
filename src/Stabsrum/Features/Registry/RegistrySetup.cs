using Microsoft.AspNetCore.Mvc.RazorPages;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.Registry;

/// <summary>The preparedness registry, part A: everything it registers, in one place.</summary>
public static class RegistrySetup
{
    public static WebApplicationBuilder AddRegistry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<KeyPersonChanges>();
        services.AddScoped<KeyPersonQueries>();
        services.AddScoped<AlarmListChanges>();
        services.AddScoped<CatalogueChanges>();
        services.AddScoped<ReadinessQueries>();

        // Create and edit share one page each: /ny for a new record, /{id} for an existing one.
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AddPageRoute("/Registry/KeyPersons/Edit", "beredskab/noeglepersoner/{id:guid}");
            o.Conventions.AddPageRoute("/Registry/Roles/Edit", "beredskab/roller/{id:guid}");
        });

        services.AddSectionLink(new SectionLink(Sections.Preparedness, "Nøglepersoner", "/beredskab/noeglepersoner", "Bilag A: nøglepersoner med telefonnumre, stedfortrædere, sikkerhedsgodkendelse og roller.", Permission.Read, 10));
        services.AddSectionLink(new SectionLink(Sections.Preparedness, "Alarmeringslister", "/beredskab/alarmeringslister", "Hvem kaldes i hvilken rækkefølge: aktivering af krisestyring og stabens roller.", Permission.Read, 20));
        services.AddSectionLink(new SectionLink(Sections.Preparedness, "Roller i krisestaben", "/beredskab/roller", "Krisestabens roller med opgaver før, under og efter en krise.", Permission.Read, 30));
        return builder;
    }
}
