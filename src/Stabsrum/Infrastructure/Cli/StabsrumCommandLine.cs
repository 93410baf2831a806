using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Account;
using Stabsrum.Features.Organisations;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Infrastructure.Cli;

/// <summary>
/// Operations subcommands run by the same executable: <c>migrate</c>, <c>create-admin</c>, <c>create-token</c>.
/// They use the application's own services and configuration, so they act on the configured database.
/// </summary>
public static class StabsrumCommandLine
{
    private static readonly string[] Commands = ["migrate", "create-admin", "create-token", "verify-log", "help"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var options = ParseOptions(args.Skip(1));
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        try
        {
            switch (args[0])
            {
                case "migrate":
                    var applied = await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
                    Console.WriteLine(applied.Count == 0 ? "Databasen er opdateret; ingen migreringer manglede." : $"Anvendte {applied.Count} migrering(er): {string.Join(", ", applied)}");
                    return 0;
                case "create-admin":
                    await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
                    return await CreateAdminAsync(services, Required(options, "email"), Required(options, "org"), options.GetValueOrDefault("name"), options.GetValueOrDefault("password"));
                case "create-token":
                    await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
                    return await CreateTokenAsync(services, Required(options, "email"), Required(options, "org"), options.GetValueOrDefault("name") ?? "CLI", int.Parse(options.GetValueOrDefault("days") ?? "90", System.Globalization.CultureInfo.InvariantCulture));
                case "verify-log":
                    return await Features.CrisisLog.VerifyLogCommand.RunAsync(services, Required(options, "incident"));
                default:
                    PrintHelp();
                    return 0;
            }
        }
        catch (CommandLineException e)
        {
            await Console.Error.WriteLineAsync("Fejl: " + e.Message);
            PrintHelp();
            return 2;
        }
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, string email, string orgName, string? name, string? password)
    {
        var db = services.GetRequiredService<StabsrumDbContext>();
        var users = services.GetRequiredService<UserManager<StabsrumUser>>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();

        var org = await db.Organisations.SingleOrDefaultAsync(o => o.Name == orgName);
        if (org is null)
        {
            org = new Organisation { Name = orgName, Kind = OrganisationKind.Kommune, CreatedAt = now };
            db.Organisations.Add(org);
            await db.SaveChangesAsync();
            Console.WriteLine($"Oprettede organisationen '{orgName}'.");
        }

        services.GetRequiredService<CurrentOrganisation>().EnterAsSystem(org.Id, "cli");
        var user = await users.FindByEmailAsync(email);
        var generated = password is null;
        password ??= GeneratePassword();
        if (user is null)
        {
            user = new StabsrumUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name ?? email, CreatedAt = now };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new CommandLineException(string.Join(" ", created.Errors.Select(e => e.Description)));
            }
        }
        else
        {
            generated = false;
        }

        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.UserId == user.Id);
        if (membership is null)
        {
            db.Memberships.Add(new Membership { OrganisationId = org.Id, UserId = user.Id, Role = OrganisationRole.Administrator, CreatedAt = now });
        }
        else
        {
            membership.Role = OrganisationRole.Administrator;
        }

        await db.SaveChangesAsync();
        Console.WriteLine($"{email} er administrator i '{org.Name}'.");
        if (generated)
        {
            Console.WriteLine($"Midlertidig adgangskode (vises kun nu): {password}");
        }

        return 0;
    }

    private static async Task<int> CreateTokenAsync(IServiceProvider services, string email, string orgName, string name, int days)
    {
        var db = services.GetRequiredService<StabsrumDbContext>();
        var user = await services.GetRequiredService<UserManager<StabsrumUser>>().FindByEmailAsync(email)
            ?? throw new CommandLineException($"Brugeren {email} findes ikke.");
        var membership = await db.Memberships.IgnoreQueryFilters().Include(m => m.Organisation)
            .SingleOrDefaultAsync(m => m.UserId == user.Id && m.Organisation!.Name == orgName)
            ?? throw new CommandLineException($"{email} er ikke medlem af '{orgName}'.");
        if (days is < 1 or > 366)
        {
            throw new CommandLineException("--days skal være mellem 1 og 366.");
        }

        var current = services.GetRequiredService<CurrentOrganisation>();
        current.EnterAsSystem(membership.OrganisationId, "cli");
        current.SetUser(user.Id, user.Email);
        var issued = await services.GetRequiredService<PersonalAccessTokenService>()
            .IssueAsync(user.Id, membership.OrganisationId, name, TimeSpan.FromDays(days));
        Console.WriteLine($"Adgangsnøgle '{name}' for {email} i '{orgName}', udløber {issued.Record.ExpiresAt:yyyy-MM-dd} (UTC). Vises kun nu:");
        Console.WriteLine(issued.Token);
        return 0;
    }

    private static Dictionary<string, string> ParseOptions(IEnumerable<string> args)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        string? key = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                key = arg[2..];
                result[key] = "";
            }
            else if (key is not null)
            {
                result[key] = arg;
                key = null;
            }
        }

        return result;
    }

    private static string Required(Dictionary<string, string> options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : throw new CommandLineException($"--{key} mangler.");

    private static string GeneratePassword() =>
        Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(15)).Replace('+', 'k').Replace('/', 'x');

    private static void PrintHelp() => Console.WriteLine("""
        Brug: dotnet run --project src/Stabsrum -- <kommando> [tilvalg]
          migrate                                    Anvend manglende databasemigreringer
          create-admin --email E --org O [--name N] [--password P]
                                                     Opret (eller gør) E til administrator i organisationen O
          create-token --email E --org O [--name N] [--days D]
                                                     Opret en personlig adgangsnøgle til API'et (vises én gang)
          verify-log --incident ID                   Genberegn kriselogens hashkæde og vis det første brudte led
        """);

    private sealed class CommandLineException(string message) : Exception(message);
}
