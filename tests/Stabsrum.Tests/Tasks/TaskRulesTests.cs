using Stabsrum.Features.Tasks;

namespace Stabsrum.Tests.Tasks;

/// <summary>The status rules of a task, without a database.</summary>
public sealed class TaskRulesTests
{
    [Theory]
    [InlineData(StaffTaskStatus.IkkeStartet, StaffTaskStatus.IGang)]
    [InlineData(StaffTaskStatus.IkkeStartet, StaffTaskStatus.Udfoert)]
    [InlineData(StaffTaskStatus.IkkeStartet, StaffTaskStatus.Afvist)]
    [InlineData(StaffTaskStatus.IkkeStartet, StaffTaskStatus.Annulleret)]
    [InlineData(StaffTaskStatus.IGang, StaffTaskStatus.Udfoert)]
    [InlineData(StaffTaskStatus.IGang, StaffTaskStatus.Annulleret)]
    [InlineData(StaffTaskStatus.IGang, StaffTaskStatus.Afvist)]
    public void Open_tasks_move_forward_or_are_stopped(StaffTaskStatus from, StaffTaskStatus to) =>
        Assert.Null(TaskRules.Refusal(from, to));

    [Theory]
    [InlineData(StaffTaskStatus.IGang, StaffTaskStatus.IkkeStartet, "kan ikke gå fra i gang til ikke startet")]
    [InlineData(StaffTaskStatus.Udfoert, StaffTaskStatus.IGang, "er udført og kan ikke ændres")]
    [InlineData(StaffTaskStatus.Afvist, StaffTaskStatus.Udfoert, "er afvist og kan ikke ændres")]
    [InlineData(StaffTaskStatus.Annulleret, StaffTaskStatus.IGang, "er annulleret og kan ikke ændres")]
    [InlineData(StaffTaskStatus.IGang, StaffTaskStatus.IGang, "allerede i gang")]
    public void Illegal_transitions_are_refused_with_a_Danish_reason(StaffTaskStatus from, StaffTaskStatus to, string expected)
    {
        var refusal = TaskRules.Refusal(from, to);
        Assert.NotNull(refusal);
        Assert.Contains(expected, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_refusal_and_cancellation_need_a_reason()
    {
        Assert.Equal([StaffTaskStatus.Afvist, StaffTaskStatus.Annulleret], Enum.GetValues<StaffTaskStatus>().Where(TaskRules.RequiresReason));
        Assert.Equal([StaffTaskStatus.IkkeStartet, StaffTaskStatus.IGang], Enum.GetValues<StaffTaskStatus>().Where(TaskRules.IsOpen));
    }

    [Fact]
    public void An_open_task_past_its_deadline_is_overdue_a_finished_one_is_not()
    {
        var now = new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
        var task = new StaffTask { Title = "Skaf sandsække", CreatedBy = "test", Deadline = now.AddMinutes(-1) };
        Assert.True(task.IsOverdue(now));
        task.Status = StaffTaskStatus.Udfoert;
        Assert.False(task.IsOverdue(now));
        Assert.False(new StaffTask { Title = "Uden frist", CreatedBy = "test" }.IsOverdue(now));
    }
}
