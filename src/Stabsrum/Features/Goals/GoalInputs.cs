using Stabsrum.Features.Goals.CostKeys;
using Stabsrum.Features.Goals.KeyFigures;

namespace Stabsrum.Features.Goals;

// Inputs shared by the API (JSON) and the pages (forms). Everything is nullable so that missing fields
// become Danish validation messages instead of binding failures.
public sealed record PlanInput(string? Name, GoalPlanKind? Kind, int? StartYear, int? EndYear, string? Description);

public sealed record FocusAreaInput(string? Name, Guid? ParentId);

public sealed record GoalInput(int? Number, string? Title, string? Description, GoalKind? Kind, string? Owner, string? Approach, Guid? FocusAreaId);

public sealed record InitiativeInput(string? Text, string? Responsible, string? Description, string? Quarter, DateOnly? ScheduleFrom, DateOnly? ScheduleTo);

/// <summary>A status change. <see cref="Id"/> is made by the client so a retried request is recorded once.</summary>
public sealed record StatusInput(Guid? Id, InitiativeStatus? Status, string? Comment);

public sealed record RenumberInput(bool? Confirm);

public sealed record FulfilmentInput(FulfilmentRule? Rule, Guid? KeyFigureId, int? ManualPercent, string? Justification);

public sealed record BenefitsInput(string? ExpectedBenefits, string? IndirectIndicators);

public sealed record AssessmentInput(string? Period, int? Score, string? Evidence);

public sealed record ReportingLineInput(string? Reporter, string? Recipient, Frequency? Frequency, string? Note, DateOnly? FirstDueOn = null);

public sealed record KeyFigureInput(
    string? Name, KeyFigureUnit? Unit, Direction? Direction, string? BaselinePeriod, decimal? BaselineValue,
    string? TargetPeriod, decimal? TargetValue, string? Method, string? DataSource, string? MeasuredBy, Frequency? Frequency);

public sealed record MeasurementInput(string? Period, decimal? Value, string? Comment);

public sealed record MeasurementImportInput(string? Csv);

public sealed record ShareInput(string? Municipality, decimal? Weight);

public sealed record CostKeyInput(string? Name, CostKeyMethod? Method, DateOnly? PopulationDate, string? Note, IReadOnlyList<ShareInput>? Shares);
