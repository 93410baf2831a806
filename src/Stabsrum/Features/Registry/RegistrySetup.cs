using Microsoft.AspNetCore.Mvc.RazorPages;
using Stabsrum.Features.Preparedness;
using Stabsrum.Infrastructure.Demo;
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
        services.AddScoped<RegistryImport>();
        services.AddSingleton<IDemoDataContributor, RegistryDemoData>();

        // Create and edit share one page each: /ny for a new record, /{id} for an existing one.
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AddPageRoute("/Registry/KeyPersons/Edit", "beredskab/noeglepersoner/{id:guid}");
            o.Conventions.AddPageRoute("/Registry/Roles/Edit", "beredskab/roller/{id:guid}");
            o.Conventions.AddPageRoute("/Registry/Resources/Edit", "beredskab/ressourcer/{id:guid}");
            o.Conventions.AddPageRoute("/Registry/Partners/Edit", "beredskab/samarbejdspartnere/{id:guid}");
        });

        services.AddSectionLink(new SectionLink(Sections.Preparedness, "Nøglepersoner", "/beredskab/noeglepersoner", "Bilag A: nøglepersoner med telefonnumre, stedfortrædere, sikkerhedsgodkendelse og roller.", Permission.Read, 10));
        services.AddSectionLink(new SectionLink(Sections.Preparedness, "Alarmeringslister", "/beredskab/alarmeringslister", "Hvem kaldes i hvilken rækkefølge: aktivering af krisestyring og stabens roller.", Permission.Read, 20));
        services.AddSectionLink(new SectionLink(Sections.Preparedness, "Roller i krisestaben", "/beredskab/roller", "Krisestabens roller med opgaver før, under og efter en krise.", Permission.Read, 30));
        services.AddSectionLink(new SectionLink(Sections.Preparedness, "Taktiske ressourcer", "/beredskab/ressourcer", "Bilag B: materiel, lokaler og køretøjer – hvor de er, og hvordan de rekvireres.", Permission.Read, 40));
        services.AddSectionLink(new SectionLink(Sections.Preparedness, "Samarbejdspartnere", "/beredskab/samarbejdspartnere", "Bilag D: politi, region, forsyning, nabokommuner og andre – kontakter og hvad de kan bidrage med.", Permission.Read, 50));
        services.AddSingleton<IBeredskabsmappeSection, MappeAlarmLists>();
        services.AddSingleton<IBeredskabsmappeSection, MappeKeyPersons>();
        services.AddSingleton<IBeredskabsmappeSection, MappeRoles>();
        services.AddSingleton<IBeredskabsmappeSection, MappeResources>();
        services.AddSingleton<IBeredskabsmappeSection, MappePartners>();
        services.AddSectionLink(new SectionLink(Sections.Preparedness, "Beredskabsmappe", "/beredskab/beredskabsmappe", "Papirudgaven: alarmeringslister, telefonliste, roller, ressourcer og samarbejdspartnere i én PDF.", Permission.Read, 5));
        services.AddOverviewPanel(new OverviewPanel(nameof(ReadinessPanel), 20));
        return builder;
    }
}
