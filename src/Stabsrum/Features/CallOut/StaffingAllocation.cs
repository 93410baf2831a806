namespace Stabsrum.Features.CallOut;

/// <summary>A list or role of a call-out as the allocation sees it: its place, how many it needs, its candidates in order.</summary>
public sealed record StaffingPlace(Guid TargetId, int Required, IReadOnlyList<Guid> CandidatesInOrder);

/// <summary>
/// Who counts where. A person who answered <i>Kommer</i> comes once: if they are on several lines (their own role and
/// a colleague's as substitute, or two alarm lists), they fill one place, not one in every line — otherwise the
/// colleague's role would look covered and its escalation would stop with nobody coming for it. Lines are filled in
/// their order (the call-out's priority), each taking its confirmed candidates in candidate order up to what it needs;
/// a confirmed person left over (every line of theirs already full) counts as surplus on their first line.
/// </summary>
public static class StaffingAllocation
{
    public static Dictionary<Guid, List<Guid>> Assign(IEnumerable<StaffingPlace> placesInOrder, Func<Guid, bool> isComing)
    {
        var places = placesInOrder.ToList();
        var counted = places.ToDictionary(p => p.TargetId, _ => new List<Guid>());
        var placed = new HashSet<Guid>();
        foreach (var place in places)
        {
            foreach (var person in place.CandidatesInOrder)
            {
                if (counted[place.TargetId].Count >= place.Required)
                {
                    break;
                }

                if (isComing(person) && placed.Add(person))
                {
                    counted[place.TargetId].Add(person);
                }
            }
        }

        foreach (var place in places)
        {
            foreach (var person in place.CandidatesInOrder.Where(p => isComing(p) && placed.Add(p)))
            {
                counted[place.TargetId].Add(person);
            }
        }

        return counted;
    }
}
