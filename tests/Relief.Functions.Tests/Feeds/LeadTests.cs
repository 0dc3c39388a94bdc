using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Relief.Cases.Tests.Builders;
using Relief.Functions.Tests.Builders;
using static Relief.Functions.Tests.Feeds.FeedSteps;

namespace Relief.Functions.Tests.Feeds;

/// <summary>
/// Issue 13, end to end through the local host on Azurite: leads (疑似困难群众) raised by the medical, disability and
/// custody feeds for people who are not beneficiaries; one open lead per person and reason; the lifecycle (assign,
/// visit, close, convert into an application) and the escalation of an overdue visit.
/// </summary>
public sealed class LeadTests
{
    private static IEnumerable<JsonElement> Leads(JsonElement list) => list.GetProperty("leads").EnumerateArray();

    [Fact]
    public async Task MedicalSelfPay_AboveTheThreshold_RaisesOneLead_ThatBecomesAnApplication()
    {
        await using var app = await ReliefApp.StartAsync();
        DateOnly today = TodayInChina;
        string high = TestIds.For(new DateOnly(1965, 3, 2), 701), low = TestIds.For(new DateOnly(1966, 4, 3), 702);
        await PostAsync(app, "Medical", new { recordId = "yb-1", residentId = high, jurisdiction = "rehearsal/drill", year = today.Year, selfPaid = 45000m, asOf = today });
        await PostAsync(app, "Medical", new { recordId = "yb-2", residentId = low, jurisdiction = "rehearsal/drill", year = today.Year, selfPaid = 35000m, asOf = today });
        Assert.Contains("lead ld-", await ResultAsync(app, "medical-self-pay", "yb-1"), StringComparison.Ordinal);
        Assert.Contains("calls for no lead", await ResultAsync(app, "medical-self-pay", "yb-2"), StringComparison.Ordinal);

        // The same record again changes nothing.
        await RepeatAsync(app, "Medical", "medical-self-pay", "yb-1", new { recordId = "yb-1", residentId = high, jurisdiction = "rehearsal/drill", year = today.Year, selfPaid = 45000m, asOf = today });

        // A second record for the same person: still one lead, the record added to its history; the same record again: nothing.
        await PostAsync(app, "Medical", new { recordId = "yb-3", residentId = high, jurisdiction = "rehearsal/drill", year = today.Year, selfPaid = 52000m, asOf = today });
        Assert.Contains("already open", await ResultAsync(app, "medical-self-pay", "yb-3"), StringComparison.Ordinal);
        var list = await GetJsonAsync(app.Client, "api/leads?jurisdiction=rehearsal&reason=medical-self-pay");
        var lead = Assert.Single(Leads(list));
        Assert.Equal(high, lead.GetProperty("residentId").GetString()); // the caseworker visits: he sees the ID
        Assert.Equal("Open", lead.GetProperty("state").GetString());
        Assert.Contains("45000.00", lead.GetProperty("evidence").GetString()!, StringComparison.Ordinal);
        Assert.Equal(2, lead.GetProperty("history").GetArrayLength());
        string leadId = lead.GetProperty("leadId").GetString()!;

        // An auditor sees the lead with the ID masked; a caseworker of another city does not see it at all.
        using (var auditor = app.ClientAs(TestTokens.Person("0701", Relief.Identity.ReliefRoles.Auditor, "rehearsal")))
        {
            string masked = (await GetJsonAsync(auditor, $"api/leads/{leadId}")).GetProperty("residentId").GetString()!;
            Assert.Equal(high[..6] + "********" + high[^4..], masked);
        }

        using (var elsewhere = app.ClientAs(TestTokens.Person("0702", Relief.Identity.ReliefRoles.Caseworker, "qingdao")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.GetAsync($"api/leads/{leadId}")).StatusCode);
            Assert.Empty(Leads(await GetJsonAsync(elsewhere, "api/leads")));
        }

        // Convert before the visit: refused. Assign, visit, convert: an application pre-filled from the lead.
        var early = await app.Client.PostAsJsonAsync($"api/leads/{leadId}/convert", new { }, ReliefApp.Json);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        var assigned = await PostJsonAsync(app.Client, $"api/leads/{leadId}/assign", new { assignTo = "0777" }, HttpStatusCode.OK);
        Assert.Equal("Assigned", assigned.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Client.PostAsJsonAsync($"api/leads/{leadId}/visit", new { }, ReliefApp.Json)).StatusCode);
        await PostJsonAsync(app.Client, $"api/leads/{leadId}/visit", new { note = "Lives alone on a small pension; large hospital bills; wishes to apply." }, HttpStatusCode.OK);
        var application = new
        {
            application = new
            {
                registration = "urban",
                members = new[] { new { residentId = high, relationship = "applicant" } },
                incomes = new[] { new { kind = "residentBasicPension", monthlyAmount = 300m, memberResidentId = high } },
                contact = new { phone = "139 0000 1111" },
                property = new { deposits = 1000m, dwellings = 1 },
                consentToEconomicVerification = true,
            },
        };
        var converted = await PostJsonAsync(app.Client, $"api/leads/{leadId}/convert", application, HttpStatusCode.Accepted);
        string caseId = converted.GetProperty("caseId").GetString()!;
        var again = await PostJsonAsync(app.Client, $"api/leads/{leadId}/convert", application, HttpStatusCode.Accepted);
        Assert.Equal(caseId, again.GetProperty("caseId").GetString()); // converting again finds the same case
        var status = await app.WaitForStatusAsync(caseId, s => s.GetProperty("step").GetString() is not null, "the converted application");
        Assert.Equal("rehearsal/drill", status.GetProperty("jurisdiction").GetString());
        var done = await GetJsonAsync(app.Client, $"api/leads/{leadId}");
        Assert.Equal("Converted", done.GetProperty("state").GetString());
        Assert.Equal(caseId, done.GetProperty("caseId").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await app.Client.PostAsJsonAsync($"api/leads/{leadId}/close", new { note = "too late" }, ReliefApp.Json)).StatusCode);

        // Once converted, the slot is free: a new record for the person raises a new lead.
        await PostAsync(app, "Medical", new { recordId = "yb-4", residentId = high, jurisdiction = "rehearsal/drill", year = today.Year, selfPaid = 60000m, asOf = today });
        Assert.Contains("raised", await ResultAsync(app, "medical-self-pay", "yb-4"), StringComparison.Ordinal);
        Assert.Equal(2, Leads(await GetJsonAsync(app.Client, "api/leads?jurisdiction=rehearsal/drill&reason=medical-self-pay")).Count());
    }

    [Fact]
    public async Task DisabilityAndCustody_RaiseLeads_AnOverdueVisitIsEscalated_AClosedLeadKeepsItsReason()
    {
        await using var app = await ReliefApp.StartAsync();
        DateOnly today = TodayInChina;
        string severe = TestIds.For(new DateOnly(1990, 6, 6), 711), mild = TestIds.For(new DateOnly(1991, 6, 6), 712), parent = TestIds.For(new DateOnly(1985, 2, 2), 713);
        string child = TestIds.For(new DateOnly(2016, 7, 7), 714);
        await PostAsync(app, "Disability", new { recordId = "cl-1", residentId = severe, jurisdiction = "rehearsal/drill", type = "intellectual", grade = 3, registeredOn = today });
        await PostAsync(app, "Disability", new { recordId = "cl-2", residentId = mild, jurisdiction = "rehearsal/drill", type = "physical", grade = 3, registeredOn = today });
        await PostAsync(app, "Custody", new { recordId = "sf-9", residentId = parent, jurisdiction = "rehearsal/drill", kind = "compulsoryRehabilitation", from = today, children = new[] { child } });
        Assert.Contains("severe-disability", await ResultAsync(app, "disability", "cl-1"), StringComparison.Ordinal);
        Assert.Contains("calls for no lead", await ResultAsync(app, "disability", "cl-2"), StringComparison.Ordinal);
        Assert.Contains("child-of-custody", await ResultAsync(app, "custody", "sf-9"), StringComparison.Ordinal);

        await RepeatAsync(app, "Custody", "custody", "sf-9", new { recordId = "sf-9", residentId = parent, jurisdiction = "rehearsal/drill", kind = "compulsoryRehabilitation", from = today, children = new[] { child } });
        var open = Leads(await GetJsonAsync(app.Client, "api/leads?jurisdiction=rehearsal/drill&state=Open")).ToArray();
        Assert.Equal(2, open.Length);
        var childLead = open.Single(l => l.GetProperty("reason").GetString() == "child-of-custody");
        Assert.Equal(child, childLead.GetProperty("residentId").GetString());
        string disabilityLead = open.Single(l => l.GetProperty("reason").GetString() == "severe-disability").GetProperty("leadId").GetString()!;

        // The child's lead is closed with its reason before the deadline; the disability lead is left unvisited.
        string childLeadId = childLead.GetProperty("leadId").GetString()!;
        var closed = await PostJsonAsync(app.Client, $"api/leads/{childLeadId}/close", new { note = "The child lives with the grandparents, who support her." }, HttpStatusCode.OK);
        Assert.Equal("Closed", closed.GetProperty("state").GetString());

        // 3 rehearsal working days of 2 seconds: the visit is then overdue; the escalation marks it once.
        await WaitForJsonAsync(app.Client, $"api/leads/{disabilityLead}", l => l.GetProperty("overdue").GetBoolean(), seconds: 30);
        using var admin = app.ClientAs(TestTokens.Person("0703", Relief.Identity.ReliefRoles.Administrator, "rehearsal"));
        var first = await PostJsonAsync(admin, "api/leads/escalations", new { }, HttpStatusCode.OK);
        Assert.Equal(1, first.GetProperty("escalated").GetInt32());
        var second = await PostJsonAsync(admin, "api/leads/escalations", new { }, HttpStatusCode.OK);
        Assert.Equal(0, second.GetProperty("escalated").GetInt32());
        var escalated = Assert.Single(Leads(await GetJsonAsync(app.Client, "api/leads?jurisdiction=rehearsal&escalated=true")));
        Assert.Equal(disabilityLead, escalated.GetProperty("leadId").GetString());
        Assert.Contains(escalated.GetProperty("history").EnumerateArray(), h => h.GetProperty("text").GetString()!.StartsWith("Escalated (督办)", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Client.GetAsync("api/leads?state=Lost")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Client.GetAsync("api/leads?colour=red")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("api/leads/ld-0000000000000000")).StatusCode);
    }
}
