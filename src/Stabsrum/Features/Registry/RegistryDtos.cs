namespace Stabsrum.Features.Registry;

public sealed record NamedRef(Guid Id, string Name);

public sealed record KeyPersonDto(
    Guid Id, string Name, string? Title, string? Unit, string? MobilePhone, string? WorkPhone, string? PrivatePhone, bool PrivatePhoneHidden,
    string? Email, bool HasClearance, string? ClearanceLevel, DateOnly? ClearanceExpiresOn, string? Notes, DateTimeOffset? ContactVerifiedAt,
    Guid? UserId, IReadOnlyList<NamedRef> Substitutes, IReadOnlyList<NamedRef> Roles);

public sealed record StaffRoleDto(Guid Id, string Name, string? Purpose, string? DutiesBefore, string? DutiesDuring, string? DutiesAfter, string? Source, int SortOrder, int Holders);

public sealed record AlarmEntryDto(int Position, Guid? PersonId, Guid? RoleId, string Label, int Quorum);

public sealed record AlarmListDto(Guid Id, string Name, string? Purpose, string Mode, IReadOnlyList<AlarmEntryDto> Entries);

public sealed record ContactAttemptDto(Guid PersonId, string Name, IReadOnlyList<string> Phones, string? Email, string Reason, Guid? StandsInFor);

public sealed record ContactStepDto(int Position, string Label, int Required, bool Short, IReadOnlyList<ContactAttemptDto> Attempts, IReadOnlyList<string> Warnings);

public sealed record ContactPlanDto(Guid ListId, string ListName, string Mode, bool StopAtFirst, IReadOnlyList<ContactStepDto> Steps)
{
    public static ContactPlanDto From(ContactPlan plan) => new(
        plan.ListId, plan.ListName, plan.Mode.ToString(), plan.StopAtFirst,
        plan.Steps.Select(s => new ContactStepDto(s.Position, s.Label, s.Required, s.IsShort,
            s.Attempts.Select(a => new ContactAttemptDto(a.Person.Id, a.Person.Name, a.Person.Phones, a.Person.Email, a.Reason.ToString(), a.StandsInFor)).ToList(),
            s.Warnings)).ToList());
}

public sealed record TacticalResourceDto(
    Guid Id, string Name, string Category, int Quantity, string? Location, string? OwningUnit, string? RequisitionContact, string? RequisitionPhone,
    string Availability, bool Critical, string? Notes)
{
    public static TacticalResourceDto From(TacticalResource r) => new(
        r.Id, r.Name, r.Category, r.Quantity, r.Location, r.OwningUnit, r.RequisitionContact, r.RequisitionPhone, r.Availability.ToString(), r.Critical, r.Notes);
}

public sealed record PartnerContactDto(string Name, string? Title, string? Phone, string? Email);

public sealed record ExternalPartnerDto(Guid Id, string OrganisationName, string Kind, string? Provides, string? Notes, IReadOnlyList<PartnerContactDto> Contacts)
{
    public static ExternalPartnerDto From(ExternalPartner p) => new(
        p.Id, p.OrganisationName, p.Kind.ToString(), p.Provides, p.Notes,
        p.Contacts.OrderBy(c => c.Position).Select(c => new PartnerContactDto(c.Name, c.Title, c.Phone, c.Email)).ToList());
}

/// <summary>Danish words for the registry's enums, in one place for pages, CSV and the beredskabsmappe.</summary>
public static class RegistryText
{
    public static string Danish(this ClearanceLevel level) => level switch
    {
        ClearanceLevel.TilTjenestebrug => "Til tjenestebrug",
        ClearanceLevel.Fortroligt => "Fortroligt",
        ClearanceLevel.Hemmeligt => "Hemmeligt",
        ClearanceLevel.YderstHemmeligt => "Yderst hemmeligt",
        _ => level.ToString(),
    };

    public static string Danish(this AlarmMode mode) => mode switch
    {
        AlarmMode.StopAtFirstContact => "Stop ved første kontakt",
        AlarmMode.NotifyAll => "Alarmér alle",
        _ => mode.ToString(),
    };

    public static string Danish(this ResourceAvailability availability) => availability switch
    {
        ResourceAvailability.Tilgaengelig => "Tilgængelig",
        ResourceAvailability.Begraenset => "Begrænset",
        ResourceAvailability.IkkeTilgaengelig => "Ikke tilgængelig",
        _ => availability.ToString(),
    };

    public static string Danish(this PartnerKind kind) => kind switch
    {
        PartnerKind.Politi => "Politi",
        PartnerKind.Region => "Region",
        PartnerKind.Forsyning => "Forsyning",
        PartnerKind.Nabokommune => "Nabokommune",
        PartnerKind.KL => "KL",
        PartnerKind.Medier => "Medier",
        PartnerKind.Beredskab => "Beredskab",
        PartnerKind.Myndighed => "Myndighed",
        PartnerKind.Andet => "Andet",
        _ => kind.ToString(),
    };

    public static string Danish(this ContactReason reason) => reason switch
    {
        ContactReason.Named => "Navngivet",
        ContactReason.RoleHolder => "Har rollen",
        ContactReason.Substitute => "Stedfortræder",
        _ => reason.ToString(),
    };
}
