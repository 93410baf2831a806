using Stabsrum.Features.CallOut;

namespace Stabsrum.Tests.CallOut;

public sealed class CallOutSignalTests
{
    [Fact]
    public async Task A_confirmation_cuts_the_pause_between_passes_short_and_an_answer_does_not()
    {
        using var signal = new CallOutSignal();

        // An answer wakes the job, but only after the pause that gathers a burst into one pass.
        signal.Nudge();
        Assert.False(await signal.PauseAsync(TimeSpan.FromMilliseconds(20), CancellationToken.None));
        Assert.True(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.False(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));

        // A confirmed call-out ends the pause at once and wakes the job.
        signal.NudgeNow();
        Assert.True(await signal.PauseAsync(TimeSpan.FromMinutes(5), CancellationToken.None));
        Assert.True(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
    }
}
