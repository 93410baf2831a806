using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Stabsrum.Infrastructure.Database;

/// <summary>
/// A transaction that is begun only if the context has none: a change that runs on its own commits its own work,
/// and one that runs inside a caller's transaction (demo seeding, a meeting decision creating tasks) joins it and
/// leaves commit and rollback to the caller. Callers must not have flushed anything before a rollback they rely on.
/// </summary>
public sealed class JoinableTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction? _owned;

    private JoinableTransaction(IDbContextTransaction? owned) => _owned = owned;

    public static async Task<JoinableTransaction> BeginOrJoinAsync(DatabaseFacade database, CancellationToken cancellationToken) =>
        new(database.CurrentTransaction is null ? await database.BeginTransactionAsync(cancellationToken) : null);

    public Task CommitAsync(CancellationToken cancellationToken) => _owned?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public Task RollbackAsync(CancellationToken cancellationToken) => _owned?.RollbackAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
