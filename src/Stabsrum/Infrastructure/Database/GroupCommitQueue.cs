namespace Stabsrum.Infrastructure.Database;

/// <summary>
/// Group commit for a write that arrives in bursts from many requests at once (answers to a call-out, entries to one
/// incident's crisis log). Writing each in its own transaction costs a handful of round trips and a commit each, and
/// where writers must take turns (one incident's hash chain) the turns are the bottleneck. Instead each request hands
/// its item to the queue and waits; a writer takes everything waiting and writes it in as few transactions as the
/// subclass needs, and only then completes the requests — so a caller is told "saved" only after the commit, exactly
/// as when it wrote alone. While a batch is in its round trips, a backlog is written by one helper in parallel (one
/// batch, then it stops), so a trickle never splits into batches of one. No hosted service: the first request that
/// finds no writer becomes it, so an idle queue holds no thread and the queue works wherever the app runs.
/// </summary>
public abstract class GroupCommitQueue<TItem, TResult>(ILogger logger)
{
    /// <summary>Bounds one batch; a bigger burst is written in several.</summary>
    public const int MaxBatch = 250;

    private const int BacklogForHelper = 8;

    private readonly Lock _gate = new();
    private List<Waiting> _waiting = [];
    private bool _draining;
    private bool _helping;

    /// <summary>Queues the item and completes when it is committed (or refused); faults when it could not be stored.</summary>
    protected Task<TResult> EnqueueAsync(TItem item)
    {
        var waiting = new Waiting(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        bool drain, help = false;
        lock (_gate)
        {
            _waiting.Add(waiting);
            drain = !_draining;
            _draining = true;
            if (!drain && !_helping && _waiting.Count >= BacklogForHelper)
            {
                _helping = help = true;
            }
        }

        if (drain)
        {
            _ = Task.Run(DrainAsync);
        }
        else if (help)
        {
            _ = Task.Run(HelpAsync);
        }

        return waiting.Done.Task;
    }

    /// <summary>Writes a batch. Every item must be settled: through <see cref="WriteGroupAsync"/>, or completed directly.</summary>
    protected abstract Task WriteAsync(IReadOnlyList<Waiting> batch);

    /// <summary>
    /// Writes items that belong together in one call of <paramref name="write"/> (one transaction), which answers
    /// each item in order. If it throws, it rolled back: each item is then written alone, so one bad item fails alone.
    /// </summary>
    protected async Task WriteGroupAsync(IReadOnlyList<Waiting> items, Func<IReadOnlyList<TItem>, Task<TResult[]>> write)
    {
        try
        {
            var results = await write([.. items.Select(w => w.Item)]);
            for (var i = 0; i < items.Count; i++)
            {
                items[i].Done.TrySetResult(results[i]);
            }
        }
        catch (Exception e) when (items.Count > 1)
        {
            logger.LogWarning(e, "Writing {Count} items together failed; writing them one at a time.", items.Count);
            foreach (var one in items)
            {
                await WriteGroupAsync([one], write);
            }
        }
        catch (Exception e)
        {
            Fail(items, e);
        }
    }

    protected void Fail(IReadOnlyList<Waiting> items, Exception e)
    {
        logger.LogError(e, "{Count} items could not be stored.", items.Count);
        foreach (var item in items)
        {
            item.Done.TrySetException(e);
        }
    }

    private async Task DrainAsync()
    {
        try
        {
            while (TakeBatch(stopDraining: true) is { } batch)
            {
                await WriteBatchAsync(batch);
            }
        }
        catch (Exception e)
        {
            // WriteBatchAsync settles every item it takes; this only keeps the queue from waiting for a stopped writer.
            logger.LogError(e, "The group-commit writer stopped unexpectedly; the next item starts a new one.");
            lock (_gate)
            {
                _draining = false;
            }
        }
    }

    private async Task HelpAsync()
    {
        try
        {
            if (TakeBatch(stopDraining: false) is { } batch)
            {
                await WriteBatchAsync(batch);
            }
        }
        finally
        {
            lock (_gate)
            {
                _helping = false;
            }
        }
    }

    private async Task WriteBatchAsync(List<Waiting> batch)
    {
        try
        {
            await WriteAsync(batch);
        }
        catch (Exception e)
        {
            Fail(batch, e);
        }
    }

    private List<Waiting>? TakeBatch(bool stopDraining)
    {
        lock (_gate)
        {
            if (_waiting.Count == 0)
            {
                _draining &= !stopDraining;
                return null;
            }

            var batch = _waiting.Count <= MaxBatch ? _waiting : _waiting[..MaxBatch];
            _waiting = _waiting.Count <= MaxBatch ? [] : _waiting[MaxBatch..];
            return batch;
        }
    }

    /// <summary>An item waiting for its commit, and the request waiting for it.</summary>
    protected sealed record Waiting(TItem Item, TaskCompletionSource<TResult> Done);
}
