using Microsoft.Extensions.Options;
using Npgsql;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.CrisisLog;

/// <summary>
/// Cross-instance signal on PostgreSQL: every instance LISTENs, so an entry written through instance A reaches
/// subscribers connected to instance B. Signals from this instance are ignored here (they were delivered
/// in-process already). After a lost connection every watched incident is looked at again, so nothing is missed.
/// </summary>
public sealed class PostgresIncidentListener(IncidentEvents events, IOptions<DatabaseOptions> options, ILogger<PostgresIncidentListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString) { KeepAlive = 30, Pooling = false };
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => OnNotification(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {IncidentEvents.NotifyChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                events.SignalAllWatched();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Lost the PostgreSQL LISTEN connection for live incident events; reconnecting.");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private void OnNotification(string payload)
    {
        var parts = payload.Split('|');
        if (parts.Length == 4 && parts[0] != events.InstanceId
            && Guid.TryParse(parts[1], out var org) && Guid.TryParse(parts[2], out var incident)
            && long.TryParse(parts[3], System.Globalization.CultureInfo.InvariantCulture, out var sequence))
        {
            events.Signal(new IncidentSignal(org, incident, sequence));
        }
    }
}
