using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Relief.Cases.Assessment;
using Relief.Cases.Deadlines;
using Relief.Cases.Storage;
using Relief.Domain.Calendar.Loading;
using Relief.Domain.Policies;
using Relief.Domain.Policies.Loading;
using Relief.Functions.Applications;
using Relief.Functions.Assessments;
using Relief.Functions.Calendars;
using Relief.Functions.Diagnostics;
using Relief.Functions.Http;
using Relief.Functions.Identity;
using Relief.Functions.Startup;
using Relief.Functions.Workflows;

// The Relief function app (Azure Functions isolated worker). Every function is a [Function] method in its feature
// folder — Applications/ (HTTP), Verification/ (queue), Diagnostics/ (HTTP, queue, timer), Workflows/ (orchestrators
// and activities), Payroll/ (timer, HTTP, orchestrator, activities), Assessments/ and Calendars/ (HTTP); this file only wires services. Configuration: app settings (local.settings.json Values locally),
// host.json for the host; see README.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// Sign-in (身份认证): bearer tokens from the OpenID Connect authority (or, locally, the development key); every HTTP
// function but health and the OpenAPI document needs one, with a role its row of Identity/AccessTable allows.
builder.Services.AddReliefSignIn(builder.Configuration);
builder.Services.AddSingleton<CaseAccess>();
builder.UseMiddleware<SignInMiddleware>();

// Every activity failure is logged with its error before the framework retries it or fails the orchestration.
builder.UseMiddleware<ActivityFailureLogging>();

// Orchestration inputs, outputs, events and activity payloads use the worker's default JSON on every side (the durable
// client, the orchestration and the activity bindings). A custom WorkerOptions.Serializer reaches only some of them
// (measured: a string enum written by one side was refused by the other), so it is left as it is.
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

// Time, policy catalog and working-day calendar (loaded at start; a bad policy file stops the worker with its reason).
var policies = PolicySource.FromConfiguration(builder.Configuration);
var catalog = await PolicyFileLoader.LoadFolderAsync(policies.PolicyFolder, CancellationToken.None);
// Years without a shipped schedule count on provisional years (weekends + statutory holidays), each deadline marked
// provisional; an official year loaded at run time (PUT /api/calendars/{year}) replaces it and moves those deadlines.
var calendar = await CalendarFileLoader.LoadShippedAsync(CancellationToken.None, provisionalForMissingYears: true);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<IPolicyCatalog>(catalog);
builder.Services.AddSingleton(calendar);
builder.Services.AddSingleton(new CaseDeadlinePlanner(calendar));
builder.Services.AddSingleton(new CaseAssessor(catalog));

// Case storage (cases, audit, idempotency, documents, payments and supervision queues) and workflow helpers.
builder.Services.AddCaseStorage(builder.Configuration).AddCaseStorageStartup(); // start-up that survives a storage outage
builder.Services.AddSingleton<StorageHealth>();
builder.Services.AddSingleton<CaseActions>();
builder.Services.AddSingleton<Relief.Functions.Applications.ApplicationIntake>();
builder.Services.AddSingleton<CaseApplications>();
builder.Services.AddSingleton<CaseUpdates>();
builder.Services.AddSingleton<Relief.Functions.Statistics.CaseStatistics>();
builder.Services.AddOptions<BeneficiaryIdOptions>().Bind(builder.Configuration.GetSection(BeneficiaryIdOptions.Section))
    .Validate(o => o.KeyBytes().Length > 0).ValidateOnStart(); // no default: a missing key stops the worker naming the setting
builder.Services.AddSingleton<BeneficiaryIdentifier>();

// The monthly payroll (register, ledger and progress are part of the case storage above).
builder.Services.AddSingleton<Relief.Functions.Payroll.PayrollStarter>();

// Reviews (动态管理): the findings limit and the sweep's page size; schedules, reviews and the due index are case storage.
builder.Services.AddOptions<Relief.Functions.Reviews.ReviewOptions>().Bind(builder.Configuration.GetSection(Relief.Functions.Reviews.ReviewOptions.Section))
    .Validate(o =>
    {
        o.Validate();
        return true;
    }).ValidateOnStart();

// Agency feeds and active discovery (主动发现): one queue per feed; leads, visits and handovers are case storage.
builder.Services.AddSingleton<Relief.Functions.Feeds.FeedIntake>();
builder.Services.AddSingleton<Relief.Functions.Feeds.FeedEffects>();
builder.Services.AddHostedService<Relief.Functions.Feeds.FeedQueueSetup>();
builder.Services.AddSingleton<Relief.Functions.Leads.LeadRaiser>();
builder.Services.AddSingleton<Relief.Functions.Leads.LeadActions>();
builder.Services.AddSingleton<Relief.Functions.Leads.LeadEscalation>();

// Official calendar years loaded at run time: stored, and loaded again at every start.
builder.Services.AddSingleton<CalendarFiles>();
builder.Services.AddSingleton<CalendarRefresh>();
builder.Services.AddHostedService<CalendarStartup>();

// The assessment preview (我能申请吗), open to every signed-in caller: limited per client.
builder.Services.AddOptions<PreviewOptions>().Bind(builder.Configuration.GetSection(PreviewOptions.Section))
    .Validate(o => o.PermitsPerMinute > 0, "Relief:Assessments:PermitsPerMinute must be positive.").ValidateOnStart();
builder.Services.AddSingleton<PreviewRateLimiter>();

builder.Build().Run();
