namespace Stabsrum.Features.Organisations;

public static class OrganisationKinds
{
    public static string DanishName(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Kommune => "Kommune",
        OrganisationKind.FaelleskommunaltBeredskab => "Fælleskommunalt beredskab",
        OrganisationKind.Samarbejde => "Samarbejde",
        _ => kind.ToString(),
    };
}
