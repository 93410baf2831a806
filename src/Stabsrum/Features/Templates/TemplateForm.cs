namespace Stabsrum.Features.Templates;

public sealed class TemplateForm
{
    public string? Name { get; set; }

    public TemplateKind? Kind { get; set; }

    public string? Body { get; set; }

    public TemplateInput ToInput(Guid? id = null) => new(id, Name, Kind, Body);
}
