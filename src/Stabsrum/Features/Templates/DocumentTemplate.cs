using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Templates;

public enum TemplateKind
{
    Dagsorden,
    Referat,
    Situationsbillede,
    Pressemeddelelse,
    Log,
    Andet,
}

/// <summary>A Markdown template (bilag E) with placeholders such as <c>{{hændelse.titel}}</c>, filled when used.</summary>
public sealed class DocumentTemplate : IOrganisationOwned
{
    public const int MaxBodyLength = 20_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public required string Name { get; set; }

    public TemplateKind Kind { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class DocumentTemplateConfiguration : IEntityTypeConfiguration<DocumentTemplate>
{
    public void Configure(EntityTypeBuilder<DocumentTemplate> e)
    {
        e.ToTable("DocumentTemplates");
        e.Property(t => t.Name).HasMaxLength(200);
        e.Property(t => t.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(t => t.Body).HasMaxLength(DocumentTemplate.MaxBodyLength);
        e.HasIndex(t => new { t.OrganisationId, t.Name });
        e.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class TemplateDbSets
{
    extension(StabsrumDbContext db)
    {
        public DbSet<DocumentTemplate> DocumentTemplates => db.Set<DocumentTemplate>();
    }
}

public static class TemplateNames
{
    public static string DanishName(this TemplateKind kind) => kind switch
    {
        TemplateKind.Dagsorden => "Dagsorden",
        TemplateKind.Referat => "Referat",
        TemplateKind.Situationsbillede => "Situationsbillede",
        TemplateKind.Pressemeddelelse => "Pressemeddelelse",
        TemplateKind.Log => "Log",
        _ => "Andet",
    };
}
