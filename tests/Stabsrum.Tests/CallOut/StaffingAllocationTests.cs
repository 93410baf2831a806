using Stabsrum.Features.CallOut;

namespace Stabsrum.Tests.CallOut;

/// <summary>A confirmed person fills one place, even when they are on several lines of the call-out.</summary>
public sealed class StaffingAllocationTests
{
    private static readonly Guid Anne = Guid.NewGuid(), Mikkel = Guid.NewGuid(), Sofie = Guid.NewGuid(), RoleA = Guid.NewGuid(), RoleB = Guid.NewGuid();

    [Fact]
    public void A_substitute_who_comes_for_her_own_role_does_not_also_fill_her_colleagues_role()
    {
        var counted = StaffingAllocation.Assign(
            [new StaffingPlace(RoleA, 1, [Anne]), new StaffingPlace(RoleB, 1, [Mikkel, Anne])],
            p => p == Anne);

        Assert.Equal([Anne], counted[RoleA]);
        Assert.Empty(counted[RoleB]);
    }

    [Fact]
    public void A_person_fills_the_first_line_that_still_needs_someone_and_surplus_counts_once_on_the_first_line()
    {
        var counted = StaffingAllocation.Assign(
            [new StaffingPlace(RoleA, 1, [Sofie, Anne]), new StaffingPlace(RoleB, 1, [Anne, Mikkel])],
            p => p == Anne || p == Sofie);
        Assert.Equal([Sofie], counted[RoleA]);
        Assert.Equal([Anne], counted[RoleB]);

        var surplus = StaffingAllocation.Assign(
            [new StaffingPlace(RoleA, 1, [Sofie, Anne]), new StaffingPlace(RoleB, 1, [Mikkel, Anne])],
            p => p != Guid.Empty);
        Assert.Equal([Sofie, Anne], surplus[RoleA]);
        Assert.Equal([Mikkel], surplus[RoleB]);
        Assert.Equal(3, surplus.Values.Sum(v => v.Count));
    }
}
