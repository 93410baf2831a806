using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Features.Situation;
using Stabsrum.Features.Tasks;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Bench;

/// <summary>
/// Case export (sagsakt) figures: a synthetic incident with 10,000 log entries, 200 small attachments and 30 situation
/// picture versions, plus what the registered <see cref="Seeders"/> add (500 tasks), exported as PDF + ZIP over HTTP.
/// Prints time and peak memory of the app process (working set above the baseline and in total) and of any Chromium
/// render (the case file no longer uses Chromium, ADR 0017; the sampler proves it), against ≤ 3 s and ≤ 200 MB.
/// </summary>
internal static class CaseFileBench
{
    public const int LogEntries = 10_000;
    public const int Attachments = 200;
    public const int Versions = 30;

    public const int Tasks = 500;

    /// <summary>Extra data per feature: name and seeding (organisation id, incident id).</summary>
    public static readonly List<(string Name, Func<IServiceProvider, Guid, Guid, Task> Seed)> Seeders = [($"{Tasks} tasks", SeedTasksAsync)];

    public static async Task RunAsync<T>(WebApplicationFactory<T> app, string token)
        where T : class
    {
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        api.Timeout = TimeSpan.FromMinutes(5);
        Console.WriteLine();
        Console.WriteLine("Case export (sagsakt)");
        var incident = await CreateIncidentAsync(api);
        var seed = Stopwatch.StartNew();
        var organisationId = await SeedAsync(app.Services, incident);
        foreach (var (name, run) in Seeders)
        {
            await run(app.Services, organisationId, incident);
            Console.WriteLine($"seeded: {name}");
        }

        Console.WriteLine($"seeded {LogEntries} log entries, {Attachments} attachments, {Versions} situation-picture versions in {seed.Elapsed.TotalSeconds:0.0} s");

        for (var run = 1; run <= 3; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var baseline = Environment.WorkingSet;
            using var sampler = new PeakSampler(baseline);
            // CPU time as well as wall time: on a shared machine the wall time mostly says how busy the others are.
            using var self = Process.GetCurrentProcess();
            var cpu = self.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            using var response = await api.PostAsync($"/api/v1/incidents/{incident}/case-file?format=zip", null);
            var zip = await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            self.Refresh();
            var cpuUsed = self.TotalProcessorTime - cpu;
            response.EnsureSuccessStatusCode();
            var (appPeak, totalPeak, chromiumPeak) = await sampler.StopAsync();
            using var archive = new ZipArchive(new MemoryStream(zip));
            var pdf = archive.GetEntry("sagsakt.pdf")!.Length;
            var chromium = chromiumPeak == 0 ? "Chromium not involved (no render process seen)" : $"Chromium peak (PSS) {chromiumPeak / 1024 / 1024} MB";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: PDF + ZIP in {watch.Elapsed.TotalSeconds:0.00} s (target ≤ 3 s), app CPU {cpuUsed.TotalSeconds:0.00} s · app working set +{appPeak / 1024 / 1024} MB above the baseline of {baseline / 1024 / 1024} MB, {totalPeak / 1024 / 1024} MB total at peak (target ≤ 200 MB) · {chromium} · PDF {pdf / 1024} KB, ZIP {zip.Length / 1024} KB, {archive.Entries.Count} files"));
        }
    }

    private static async Task<Guid> CreateIncidentAsync(HttpClient api)
    {
        using var response = await api.PostAsync("/api/v1/incidents", new StringContent(
            JsonSerializer.Serialize(new { title = "Sagsakt-bench: skybrud", type = "Vejr", isExercise = true }), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Writes the chain directly (the append path is measured by the crisis-log bench), hashes computed as the app does.</summary>
    private static async Task<Guid> SeedAsync(IServiceProvider services, Guid incidentId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StabsrumDbContext>();
        var organisationId = await db.Incidents.IgnoreQueryFilters().Where(i => i.Id == incidentId).Select(i => i.OrganisationId).SingleAsync();
        scope.ServiceProvider.GetRequiredService<CurrentOrganisation>().EnterAsSystem(organisationId, "bench");
        var head = await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId).Select(i => new { i.LogCount, i.LogHeadHash }).SingleAsync();
        var previous = head.LogHeadHash;
        var start = DateTimeOffset.UtcNow.AddDays(-2);
        var kinds = Enum.GetValues<LogEntryKind>().Where(k => k != LogEntryKind.Vagtskifte).ToArray();
        var entries = new List<CrisisLogEntry>(LogEntries);
        for (var i = 1; i <= LogEntries; i++)
        {
            var kind = kinds[i % kinds.Length];
            var at = LogChain.Truncate(start.AddSeconds(i * 15));
            var entry = new CrisisLogEntry
            {
                Id = Guid.CreateVersion7(),
                OrganisationId = organisationId,
                IncidentId = incidentId,
                Sequence = head.LogCount + i,
                Kind = kind,
                Text = $"Post {i}: vandstanden ved pumpestation {i % 40} er målt og meldt videre til vagtcentralen; kældre på Skolevej {i % 90} tømmes.",
                DecidedBy = kind == LogEntryKind.Beslutning ? "Stabschef" : null,
                Rationale = kind == LogEntryKind.Beslutning ? "Prognosen viser mere regn i nat." : null,
                Recipient = kind == LogEntryKind.Ordre ? "Materielgården" : null,
                OccurredAt = at,
                RecordedAt = at,
                Significant = i % 25 == 0,
                Classification = i % 100 == 0 ? LogClassification.Fortrolig : LogClassification.Aaben,
                AuthorName = $"Logfører {i % 5}",
                PreviousHash = previous,
                Hash = "",
            };
            entry.Hash = LogChain.Compute(previous, entry);
            previous = entry.Hash;
            entries.Add(entry);
        }

        db.CrisisLogEntries.AddRange(entries);
        var content = new byte[2048];
        new Random(42).NextBytes(content);
        content[0] = 0x89;
        for (var a = 0; a < Attachments; a++)
        {
            var entry = entries[a * (LogEntries / Attachments)];
            db.CrisisLogAttachments.Add(new CrisisLogAttachment
            {
                OrganisationId = organisationId,
                EntryId = entry.Id,
                FileName = $"foto-{a}.png",
                ContentType = "image/png",
                Size = content.Length,
                Sha256 = LogChain.ContentHash(content),
                Content = content,
                UploadedAt = entry.RecordedAt,
            });
        }

        for (var v = 1; v <= Versions; v++)
        {
            db.SituationPictures.Add(new SituationPicture
            {
                Id = Guid.CreateVersion7(),
                IncidentId = incidentId,
                Version = v,
                Status = SituationStatus.Offentliggjort,
                Overall = $"Version {v}: skybruddet har ramt Midtbyen; " + string.Concat(Enumerable.Repeat("kældre og veje er oversvømmet. ", 10)),
                Consequences = "Skoler lukket, hjemmeplejen kører med forsinkelse.",
                ResourcesCommitted = "4 pumper, 2 slamsugere",
                ResourcesAvailable = "1 pumpe",
                ResourcesNeeded = "Sandsække",
                ExpectedDevelopment = "Mere regn i nat.",
                Communication = "Pressemeddelelse hver 3. time.",
                Decisions = $"Beslutning {v}",
                CreatedAt = start.AddHours(v),
                CreatedBy = "Bench",
                PublishedAt = start.AddHours(v),
                PublishedBy = "Bench",
                Units = [new SituationUnitSection { Unit = "Vej og park", Text = "Veje lukket", SortOrder = 1 }, new SituationUnitSection { Unit = "Skoler", Text = "Lukket", SortOrder = 2 }],
            });
        }

        await db.SaveChangesAsync();
        await db.Incidents.Where(i => i.Id == incidentId).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.LogCount, head.LogCount + LogEntries).SetProperty(i => i.LogHeadHash, previous));
        return organisationId;
    }

    /// <summary>Tasks as the tasks feature stores them: mixed statuses, deadlines (some overdue), orders, and a status change per step.</summary>
    private static async Task SeedTasksAsync(IServiceProvider services, Guid organisationId, Guid incidentId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StabsrumDbContext>();
        scope.ServiceProvider.GetRequiredService<CurrentOrganisation>().EnterAsSystem(organisationId, "bench");
        var start = DateTimeOffset.UtcNow.AddDays(-2);
        var statuses = Enum.GetValues<StaffTaskStatus>();
        for (var i = 0; i < Tasks; i++)
        {
            var status = statuses[i % statuses.Length];
            var created = start.AddMinutes(i * 5);
            var task = new StaffTask
            {
                OrganisationId = organisationId,
                IncidentId = incidentId,
                Title = $"Opgave {i + 1}: tøm kældre på Skolevej {i % 90} og meld tilbage",
                Description = i % 3 == 0 ? "Brug pumperne fra materielgården; sandsække ved indgangen." : null,
                OwnerName = $"Stabsmedlem {i % 12}",
                OwnerRole = i % 2 == 0 ? "Logistik" : null,
                Recipient = i % 4 == 0 ? "Vej og Park" : null,
                Deadline = i % 5 == 0 ? null : created.AddHours(i % 7 == 0 ? 1 : 72),
                Priority = (TaskPriority)(i % 4),
                Status = status,
                StatusReason = status is StaffTaskStatus.Afvist or StaffTaskStatus.Annulleret ? "Ikke længere nødvendig" : null,
                OriginKind = i % 4 == 0 ? TaskOriginKind.Order : TaskOriginKind.Manual,
                CreatedBy = "Bench",
                CreatedAt = created,
                UpdatedAt = created.AddMinutes(30),
                CompletedAt = status == StaffTaskStatus.Udfoert ? created.AddMinutes(30) : null,
            };
            db.StaffTasks.Add(task);
            db.StaffTaskStatusChanges.Add(new StaffTaskStatusChange { OrganisationId = organisationId, TaskId = task.Id, ToStatus = StaffTaskStatus.IkkeStartet, ChangedAt = created, ChangedBy = "Bench" });
            if (status != StaffTaskStatus.IkkeStartet)
            {
                db.StaffTaskStatusChanges.Add(new StaffTaskStatusChange
                {
                    OrganisationId = organisationId,
                    TaskId = task.Id,
                    FromStatus = StaffTaskStatus.IkkeStartet,
                    ToStatus = status,
                    Reason = task.StatusReason,
                    ChangedAt = created.AddMinutes(30),
                    ChangedBy = "Bench",
                });
            }
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Samples this process's working set and the RSS of Chromium processes rendering our PDFs every 50 ms and 250 ms (proportional set size, so pages Chromium's processes share count once).</summary>
    private sealed class PeakSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<(long App, long Total, long Chromium)> _loop;

        public PeakSampler(long baseline)
        {
            _loop = Task.Run(async () =>
            {
                long app = 0, total = 0, chromium = 0, tick = 0;
                while (!_stop.IsCancellationRequested)
                {
                    var workingSet = Environment.WorkingSet;
                    app = Math.Max(app, workingSet - baseline);
                    total = Math.Max(total, workingSet);
                    // Walking /proc costs CPU the export needs; every 250 ms is often enough for a process that lives seconds.
                    chromium = tick++ % 5 == 0 ? Math.Max(chromium, ChromiumRss()) : chromium;
                    try
                    {
                        await Task.Delay(50, _stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }

                return (app, total, chromium);
            });
        }

        public async Task<(long App, long Total, long Chromium)> StopAsync()
        {
            await _stop.CancelAsync();
            return await _loop;
        }

        public void Dispose() => _stop.Dispose();

        /// <summary>PSS of every Chromium this process started for PDFs (its profile lives under stabsrum-pdf-…) and of all its children.</summary>
        private static long ChromiumRss()
        {
            var parents = new Dictionary<int, int>();
            var roots = new HashSet<int>();
            var rss = new Dictionary<int, long>();
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid))
                {
                    continue;
                }

                try
                {
                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
                    if (File.ReadAllText(Path.Combine(dir, "cmdline")).Contains("stabsrum-pdf-", StringComparison.Ordinal))
                    {
                        roots.Add(pid);
                    }

                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
                {
                    // The process ended while we looked.
                }
            }

            // Only Chromium started by this process: other builds on a shared machine render PDFs too.
            var self = Environment.ProcessId;
            bool Ours(int pid)
            {
                var underRoot = false;
                for (var depth = 0; depth < 12 && pid > 1; depth++)
                {
                    underRoot |= roots.Contains(pid);
                    if (pid == self)
                    {
                        return underRoot;
                    }

                    pid = parents.GetValueOrDefault(pid);
                }

                return false;
            }

            foreach (var pid in parents.Keys.Where(Ours))
            {
                try
                {
                    var line = File.ReadLines($"/proc/{pid}/smaps_rollup").FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
                    rss[pid] = line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
                {
                    // The process ended while we looked.
                }
            }

            return rss.Values.Sum();
        }
    }
}
