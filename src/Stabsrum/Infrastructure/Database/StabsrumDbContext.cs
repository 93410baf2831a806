using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Account;
using Stabsrum.Features.Audit;
using Stabsrum.Features.Organisations;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Infrastructure.Database;

/// <summary>
/// The one data layer. Features query it directly; it scopes organisation-owned rows to the current
/// organisation, refuses changes to append-only rows and writes the audit trail in the same transaction.
/// </summary>
public sealed class StabsrumDbContext(
    DbContextOptions<StabsrumDbContext> options,
    CurrentOrganisation current,
    TimeProvider time) : IdentityUserContext<StabsrumUser, Guid>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<MemberMunicipality> MemberMunicipalities => Set<MemberMunicipality>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<AuditEntry> AuditTrail => Set<AuditEntry>();

    public CurrentOrganisation Current => current;

    /// <summary>Read by the query filters on every query; EF turns it into a parameter.</summary>
    internal Guid? CurrentOrganisationId => current.OrganisationId;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        EngineQuirks.ConfigureConventions(configurationBuilder, this.IsSqlite());

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        OrganisationModel.Configure(builder);
        AccountModel.Configure(builder);
        AuditModel.Configure(builder);

        // Features configure their own entities next to their code (IEntityTypeConfiguration<T> in
        // Features/<Feature>/), so adding a feature never means editing this file.
        builder.ApplyConfigurationsFromAssembly(typeof(StabsrumDbContext).Assembly);

        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(IOrganisationOwned).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(entity.ClrType).HasQueryFilter(OrganisationFilter(entity.ClrType));
        }
    }

    private LambdaExpression OrganisationFilter(Type entityType)
    {
        // e => e.OrganisationId == this.CurrentOrganisationId
        var e = Expression.Parameter(entityType, "e");
        var owner = Expression.Convert(Expression.Property(e, nameof(IOrganisationOwned.OrganisationId)), typeof(Guid?));
        var currentId = Expression.Property(Expression.Constant(this), nameof(CurrentOrganisationId));
        return Expression.Lambda(Expression.Equal(owner, currentId), e);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BeforeSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BeforeSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void BeforeSave()
    {
        ChangeTracker.DetectChanges();
        var entries = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();

        foreach (var entry in entries)
        {
            if (entry.Entity is IAppendOnly && entry.State is not EntityState.Added)
            {
                throw new AppendOnlyViolationException(entry.Metadata.ClrType.Name);
            }

            if (entry.Entity is IOrganisationOwned owned)
            {
                GuardOrganisation(entry.State, owned);
            }
        }

        var audit = AuditRecorder.Record(entries, current, time.GetUtcNow());
        AuditTrail.AddRange(audit);
    }

    private void GuardOrganisation(EntityState state, IOrganisationOwned owned)
    {
        if (state == EntityState.Added && owned.OrganisationId == Guid.Empty)
        {
            owned.OrganisationId = current.OrganisationId
                ?? throw new InvalidOperationException("A row owned by an organisation was added with no current organisation.");
        }

        // A request acting for one organisation may never write another organisation's rows, even by id.
        if (current.OrganisationId is { } org && owned.OrganisationId != org)
        {
            throw new CrossOrganisationWriteException();
        }
    }
}

public sealed class AppendOnlyViolationException(string entity)
    : InvalidOperationException($"{entity} rows are append-only and cannot be changed or deleted.");

public sealed class CrossOrganisationWriteException()
    : InvalidOperationException("Attempt to write a row that belongs to another organisation.");
