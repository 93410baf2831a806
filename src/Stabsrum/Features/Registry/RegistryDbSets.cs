using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Registry;

public static class RegistryDbSets
{
    extension(StabsrumDbContext db)
    {
        public DbSet<KeyPerson> KeyPersons => db.Set<KeyPerson>();

        public DbSet<KeyPersonSubstitute> KeyPersonSubstitutes => db.Set<KeyPersonSubstitute>();

        public DbSet<KeyPersonRole> KeyPersonRoles => db.Set<KeyPersonRole>();

        public DbSet<StaffRole> StaffRoles => db.Set<StaffRole>();

        public DbSet<AlarmList> AlarmLists => db.Set<AlarmList>();

        public DbSet<AlarmListEntry> AlarmListEntries => db.Set<AlarmListEntry>();

        public DbSet<TacticalResource> TacticalResources => db.Set<TacticalResource>();

        public DbSet<ExternalPartner> ExternalPartners => db.Set<ExternalPartner>();

        public DbSet<PartnerContact> PartnerContacts => db.Set<PartnerContact>();
    }
}
