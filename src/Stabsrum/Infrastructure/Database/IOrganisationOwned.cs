namespace Stabsrum.Infrastructure.Database;

/// <summary>
/// A row that belongs to exactly one organisation. The DbContext filters every query on it by the
/// current organisation and refuses writes to another organisation's rows.
/// </summary>
public interface IOrganisationOwned
{
    Guid OrganisationId { get; set; }
}

/// <summary>A row that may be inserted but never updated or deleted (audit trail, crisis log).</summary>
public interface IAppendOnly;

/// <summary>A row whose changes are not written to the audit trail (the audit trail itself, caches).</summary>
public interface INotAudited;
