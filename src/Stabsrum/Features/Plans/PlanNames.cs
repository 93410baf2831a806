namespace Stabsrum.Features.Plans;

public static class PlanNames
{
    public static string DanishName(this PlanType type) => type switch
    {
        PlanType.Hovedberedskabsplan => "Hovedberedskabsplan",
        PlanType.Delberedskabsplan => "Delberedskabsplan (center)",
        PlanType.Sundhedsberedskabsplan => "Sundhedsberedskabsplan",
        PlanType.PlanForFortsatDrift => "Plan for fortsat drift",
        PlanType.ActioncardSamling => "Actioncard-samling",
        _ => "Anden plan",
    };
}
