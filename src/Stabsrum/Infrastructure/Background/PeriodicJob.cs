namespace Stabsrum.Infrastructure.Background;

/// <summary>
/// A background job that runs, waits <see cref="Interval"/> on the injected <see cref="TimeProvider"/> (so tests drive
/// it with a fake clock), and runs again until the host stops. A failed run is logged and simply retried next time:
/// the jobs keep their state in the database, so a run that died halfway is picked up by the next.
/// </summary>
public abstract partial class PeriodicJob(TimeProvider time, ILogger logger) : BackgroundService
{
    private int _completedRuns;

    /// <summary>The clock the job waits on; subclasses use it for "now" too.</summary>
    protected TimeProvider Time { get; } = time;

    protected ILogger Logger { get; } = logger;

    /// <summary>Runs finished since start, failed ones included (for tests and diagnostics; not state).</summary>
    public int CompletedRuns => Volatile.Read(ref _completedRuns);

    /// <summary>When false the job does not run at all (read once at start).</summary>
    protected abstract bool Enabled { get; }

    /// <summary>The wait between the end of one run and the start of the next.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>One run. Public so tests and operations can run the job now, outside the schedule.</summary>
    public abstract Task RunOnceAsync(CancellationToken ct);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogRunFailed(Logger, GetType().Name, e);
            }

            Interlocked.Increment(ref _completedRuns);
            try
            {
                await Task.Delay(Interval, Time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Job} run failed; it is retried on the next run.")]
    private static partial void LogRunFailed(ILogger logger, string job, Exception exception);
}
