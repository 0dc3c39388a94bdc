using Relief.Cases.Payments;
using Relief.Cases.Storage.Payments;

namespace Relief.Cases.Storage.Tests.Payments;

/// <summary>Recovery claims (追回) in the ledger (issue 12 § 4: fraud → termination and a recovery claim).</summary>
public sealed class RecoveryClaimTests
{
    // The claim adds up what was paid in the months claimed — a rejected payment never reached the household — and is
    // recorded once however often the decision is retried.
    [Fact]
    public async Task Claim_SumsPaidMonths_OncePerReference()
    {
        var storage = await PaymentStorage.CreateAsync(shards: 2);
        await storage.EnrolAsync("hh-f1", 1100m, "2027-01");
        foreach (string month in new[] { "2027-01", "2027-02", "2027-03" })
        {
            await storage.PayAsync("qingdao", month);
        }

        var entries = (await storage.LedgerAsync("qingdao", "2027-01")).Concat(await storage.LedgerAsync("qingdao", "2027-02")).Concat(await storage.LedgerAsync("qingdao", "2027-03")).ToArray();
        Assert.Equal(3, entries.Length);
        string Partition(string month) => PayrollShards.LedgerPartition("qingdao", month, PayrollShards.Of("hh-f1", 2));
        foreach (var e in entries)
        {
            string month = e.Instruction.Period;
            await storage.Ledger.TransitionAsync(Partition(month), e.Instruction.IdempotencyKey, PaymentStatus.Sent, null, "file-" + month, CancellationToken.None);
            await storage.Ledger.TransitionAsync(Partition(month), e.Instruction.IdempotencyKey, month == "2027-02" ? PaymentStatus.Rejected : PaymentStatus.Paid, null, null, CancellationToken.None);
        }

        var claim = await storage.Ledger.ClaimRecoveryAsync("qingdao/shinan", "hh-f1", "dibao", new PayPeriod(2026, 12), new PayPeriod(2027, 3), "rv_hh-f1_dibao_2027-03", CancellationToken.None);
        var again = await storage.Ledger.ClaimRecoveryAsync("qingdao/shinan", "hh-f1", "dibao", new PayPeriod(2026, 12), new PayPeriod(2027, 3), "rv_hh-f1_dibao_2027-03", CancellationToken.None);

        Assert.True(claim.Created);
        Assert.Equal(2200m, claim.Amount);
        Assert.Equal(["2027-01", "2027-03"], claim.Months);
        Assert.False(again.Created);
        Assert.Equal(claim.Amount, again.Amount);
    }
}
