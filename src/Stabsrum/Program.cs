using Stabsrum.Features.Account;
using Stabsrum.Features.Audit;
using Stabsrum.Features.CallOut;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Features.Goals;
using Stabsrum.Features.Health;
using Stabsrum.Features.Meetings;
using Stabsrum.Features.Organisations;
using Stabsrum.Features.Plans;
using Stabsrum.Features.Registry;
using Stabsrum.Features.Situation;
using Stabsrum.Features.Tasks;
using Stabsrum.Features.Warnings;
using Stabsrum.Infrastructure.Cli;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Demo;
using Stabsrum.Infrastructure.Pdf;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(TimeProvider.System);
builder.AddDatabase();
builder.AddStabsrumAuth();
builder.AddProblems();
builder.AddWebUi();
builder.AddPdf();
builder.AddApiDocumentation();
builder.AddDemoData();
builder.AddOrganisations();
builder.AddCrisisLog();
builder.AddPlanning();
builder.AddWarnings();
builder.AddGoals();
builder.AddRegistry();
builder.AddTasks();
builder.AddSituation();
builder.AddMeetings();
builder.AddCallOut();

var app = builder.Build();

if (StabsrumCommandLine.IsCommand(args))
{
    return await StabsrumCommandLine.RunAsync(app, args);
}

await app.MigrateDatabaseAsync();
await app.SeedDemoDataAsync();

app.UseExceptionHandler();
// Empty error responses get a body: ProblemDetails for the API, a Danish page for people.
app.UseWhen(ctx => AuthSetup.IsApi(ctx.Request), api => api.UseStatusCodePages());
app.UseWhen(ctx => !AuthSetup.IsApi(ctx.Request), ui => ui.UseStatusCodePagesWithReExecute("/fejl/{0}"));
if (HttpsPolicy.RequireHttps(app.Configuration, app.Environment))
{
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseSecurityHeaders();
app.UseRequestLocalization();
app.UseStaticFiles();
app.UseRouting();
app.UseApiBodyLimit();
app.UseAuthentication();
app.UseMiddleware<OrganisationContextMiddleware>();
app.UseAuthorization();
app.UseAntiforgery();
app.UsePrintViews();

app.MapRazorPages();
app.MapHealthEndpoint();
app.MapApiDocumentation();
app.MapMeApi();
app.MapAccountApi();
app.MapOrganisationsApi();
app.MapAuditApi();
app.MapCrisisLog();
app.MapPlanning();
app.MapWarningsApi();
app.MapGoalsApi();
app.MapRegistryApi();
app.MapTasks();
app.MapSituation();
app.MapMeetings();
app.MapCallOut();
app.PrintStartupBanner();

await app.RunAsync();
return 0;

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
