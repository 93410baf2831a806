namespace Stabsrum.Features.ActionCards;

/// <summary>The action card form: the fields and a list of step rows (blank rows are ignored).</summary>
public sealed class CardForm
{
    public const int SpareRows = 3;

    public string? Title { get; set; }

    public string? RoleOrSituation { get; set; }

    public string? Trigger { get; set; }

    public List<StepForm> Steps { get; set; } = [];

    public ActionCardInput ToInput(Guid? id = null) =>
        new(id, Title, RoleOrSituation, Trigger, Steps.Select(s => new StepInput(s.Text, s.ResponsibleRole, s.PlanId, s.Partner)).ToList());

    public static CardForm From(ActionCardVersion v) => new()
    {
        Title = v.Title,
        RoleOrSituation = v.RoleOrSituation,
        Trigger = v.Trigger,
        Steps = v.Steps.OrderBy(s => s.Position).Select(s => new StepForm { Text = s.Text, ResponsibleRole = s.ResponsibleRole, PlanId = s.PlanId, Partner = s.Partner }).ToList(),
    };

    public CardForm WithSpareRows()
    {
        while (Steps.Count(s => string.IsNullOrWhiteSpace(s.Text)) < SpareRows)
        {
            Steps.Add(new StepForm());
        }

        return this;
    }
}

public sealed class StepForm
{
    public string? Text { get; set; }

    public string? ResponsibleRole { get; set; }

    public Guid? PlanId { get; set; }

    public string? Partner { get; set; }
}

/// <summary>What the form partial needs besides the fields: the plans a step can link to.</summary>
public sealed record CardFormView(CardForm Form, IReadOnlyList<(Guid Id, string Title)> Plans);
