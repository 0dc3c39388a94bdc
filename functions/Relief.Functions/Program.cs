using Relief.Cases.Assessment;
using Relief.Cases.Deadlines;
using Relief.Cases.Storage;
using Relief.Domain.Calendar.Loading;
using Relief.Domain.Policies;
using Relief.Domain.Policies.Loading;
using Relief.Durable;
using Relief.Functions.Applications;
using Relief.Functions.Diagnostics;
using Relief.Functions.Workflows;
using Relief.Functions.Workflows.Activities;
using Relief.Functions.Startup;
using Relief.Functions.Verification;
using Relief.Cases.Storage.Queues;
using Relief.Hosting;

// The function app: every trigger, orchestrator and activity mapped to its function, in one place.
// Configuration: host.json, local.settings.json (Values), environment variables; see README.
var builder = FunctionsApplication.CreateBuilder(args);

// Documented defaults of settings that queue registrations name as %Setting% (overridable like any app setting).
builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
{
    InitialData = new Dictionary<string, string?> { [VerificationQueueOptions.AnswerQueueSetting] = new VerificationQueueOptions().AnswerQueueName },
});

// Time, policy catalog and working-day calendar (loaded at start; a bad policy file stops the host).
var catalog = await PolicyFileLoader.LoadShippedAsync(CancellationToken.None);
var calendar = await CalendarFileLoader.LoadShippedAsync(CancellationToken.None);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<IPolicyCatalog>(catalog);
builder.Services.AddSingleton(calendar);
builder.Services.AddSingleton(new CaseDeadlinePlanner(calendar));
builder.Services.AddSingleton(new CaseAssessor(catalog));
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

// Case storage (cases, audit, idempotency, documents, payments and supervision queues) and workflow helpers.
builder.Services.AddCaseStorage(builder.Configuration).AddCaseStorageStartup(); // start-up that survives a storage outage
builder.Services.AddSingleton<CaseActions>();
builder.Services.AddSingleton<CaseApplications>();
builder.Services.AddSingleton<CaseUpdates>();
builder.Services.AddOptions<BeneficiaryIdOptions>().Bind(builder.Configuration.GetSection(BeneficiaryIdOptions.Section))
    .Validate(o => o.KeyBytes().Length > 0).ValidateOnStart(); // no default: a missing key stops the host naming the setting
builder.Services.AddSingleton<BeneficiaryIdentifier>();

// Durable orchestrations (extensions.durableTask in host.json; AzureWebJobsStorage).
builder.Services.AddDurableTask()
    .AddOrchestrator<CaseWorkflowInput, CaseOutcome>(CaseOrchestrator.Name, CaseOrchestrator.RunAsync)
    .AddOrchestrator<TransferInput, TransferOutcome>(TransferOrchestrator.Name, TransferOrchestrator.RunAsync)
    .AddActivity<ApplyCaseChange, CaseChange, bool>(ApplyCaseChange.Name)
    .AddActivity<PlanDeadlines, DeadlinePlanRequest, Relief.Cases.Deadlines.CaseDeadline[]>(PlanDeadlines.Name)
    .AddActivity<AssessCase, AssessCaseRequest, AssessmentSummary>(AssessCase.Name)
    .AddActivity<WritePayments, PaymentRequest, PaymentSummary>(WritePayments.Name)
    .AddActivity<EscalateDeadline, EscalationRequest, bool>(EscalateDeadline.Name)
    .AddActivity<RequestEconomicVerification, VerificationRequestInput, VerificationPlan>(RequestEconomicVerification.Name)
    .AddActivity<OpenTransfer, OpenTransferRequest, Relief.Cases.Deadlines.CaseDeadline>(OpenTransfer.Name)
    .AddActivity<UpdateTransfer, TransferUpdate, Relief.Cases.Transfers.TransferState>(UpdateTransfer.Name);

var app = builder.Build();

// HTTP (under /api)
app.Http<Health>("GET", "health");
app.Http<SendPing>("POST", "ping");
app.Http<OpenApi>("GET", "openapi.json");

// Applications (救助申请) and case actions; each action raises an event into the case orchestration.
app.Http<SubmitApplication>("POST", "applications");
app.Http<GetApplication>("GET", "applications/{id}");
app.Http<AcceptApplication>("POST", "applications/{id}/accept");
app.Http<ReturnApplication>("POST", "applications/{id}/return");
app.Http<ResubmitMaterials>("POST", "applications/{id}/resubmit");
app.Http<RecordInvestigation>("POST", "applications/{id}/investigation");
app.Http<RecordCommunityReview>("POST", "applications/{id}/community-review");
app.Http<FileObjection>("POST", "applications/{id}/objections");
app.Http<ApproveApplication>("POST", "applications/{id}/approve");
app.Http<RejectApplication>("POST", "applications/{id}/reject");
app.Http<WithdrawApplication>("POST", "applications/{id}/withdraw");
app.Http<ExtendTimeLimit>("POST", "applications/{id}/extend");
app.Http<TransferCase>("POST", "applications/{id}/transfers");
app.Http<RecordDepartmentReply>("POST", "applications/{id}/transfers/{transferId}/reply");
app.Http<ReferCase>("POST", "applications/{id}/referrals");
app.Http<UploadDocument>("POST", "applications/{id}/documents");
app.Http<ListDocuments>("GET", "applications/{id}/documents");
app.Http<DownloadDocument>("GET", "applications/{id}/documents/{documentId}");
app.Http<ListCases>("GET", "cases");

// Queues
app.Queue<Ping>("ping");
app.Queue<ReceiveVerificationAnswer>("%" + VerificationQueueOptions.AnswerQueueSetting + "%"); // agencies' answers (核对反馈)

// Timers (6-field CRON, China Standard Time)
app.Timer<Heartbeat>("0 */5 * * * *");

return await app.RunAsync();

/// <summary>The app's entry point (public for WebApplicationFactory in tests).</summary>
public partial class Program;
