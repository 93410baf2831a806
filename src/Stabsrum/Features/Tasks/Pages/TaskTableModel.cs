namespace Stabsrum.Features.Tasks.Pages;

public sealed record TaskTableModel(IReadOnlyList<TaskDto> Tasks, string Caption, bool CanOperate, bool ShowIncident = false);
