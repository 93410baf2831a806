namespace Stabsrum.Features.ResourceRequests;

/// <summary>The flow of a request for assistance. Pure, so it is tested without a database.</summary>
public static class RequestFlow
{
    private static readonly Dictionary<RequestStatus, RequestStatus[]> Allowed = new()
    {
        [RequestStatus.Modtaget] = [RequestStatus.Vurderet, RequestStatus.Afvist],
        [RequestStatus.Vurderet] = [RequestStatus.Imoedekommet, RequestStatus.Videresendt, RequestStatus.Afvist],
        [RequestStatus.Imoedekommet] = [RequestStatus.Afsluttet],
        [RequestStatus.Videresendt] = [RequestStatus.Afsluttet],
        [RequestStatus.Afsluttet] = [],
        [RequestStatus.Afvist] = [],
    };

    public static IReadOnlyList<RequestStatus> Next(RequestStatus from) => Allowed[from];

    public static bool IsOpen(RequestStatus status) => status is not (RequestStatus.Afsluttet or RequestStatus.Afvist);

    public static string? Refusal(RequestStatus from, RequestStatus to) =>
        !Enum.IsDefined(to) ? "Ukendt status."
        : Allowed[from].Contains(to) ? null
        : IsOpen(from) ? $"En anmodning kan ikke gå fra {Label(from).ToLowerInvariant()} til {Label(to).ToLowerInvariant()}."
        : $"Anmodningen er {Label(from).ToLowerInvariant()} og kan ikke ændres.";

    public static string Label(RequestStatus status) => status switch
    {
        RequestStatus.Modtaget => "Modtaget",
        RequestStatus.Vurderet => "Vurderet",
        RequestStatus.Imoedekommet => "Imødekommet",
        RequestStatus.Videresendt => "Videresendt",
        RequestStatus.Afsluttet => "Afsluttet",
        RequestStatus.Afvist => "Afvist",
        _ => status.ToString(),
    };

    public static string Label(RequesterKind kind) => kind switch
    {
        RequesterKind.Enhed => "Enhed",
        RequesterKind.Partner => "Samarbejdspartner",
        RequesterKind.Kommune => "Anden kommune",
        _ => kind.ToString(),
    };
}
