using Relief.Cases.Feeds;

namespace Relief.Functions.Feeds;

/// <summary>
/// The integration queues, one per feed, named by app settings (the host resolves <c>%setting%</c> in a trigger, so
/// each must be set in the app settings: <c>local.settings.json</c>, the Bicep template, <c>scripts/run.sh</c>).
/// Messages are the JSON of <c>feeds.schema.json</c>, as base64 or plain text (host.json <c>messageEncoding</c>).
/// Transport-neutral: the same contracts would ride a Service Bus queue.
/// </summary>
public static class FeedQueues
{
    /// <summary>Deaths (civil registry, hospitals, funeral homes). Suggested name <c>feed-deaths</c>.</summary>
    public const string DeathsSetting = "Relief:Feeds:DeathsQueueName";

    /// <summary>Disability registrations (残联). Suggested name <c>feed-disability</c>.</summary>
    public const string DisabilitySetting = "Relief:Feeds:DisabilityQueueName";

    /// <summary>Medical self-pay (医保局). Suggested name <c>feed-medical</c>.</summary>
    public const string MedicalSetting = "Relief:Feeds:MedicalQueueName";

    /// <summary>Hukou moves (公安). Suggested name <c>feed-hukou</c>.</summary>
    public const string HukouSetting = "Relief:Feeds:HukouQueueName";

    /// <summary>Imprisonment and compulsory rehabilitation (司法). Suggested name <c>feed-custody</c>.</summary>
    public const string CustodySetting = "Relief:Feeds:CustodyQueueName";

    /// <summary>Job placements (人社). Suggested name <c>feed-jobs</c>.</summary>
    public const string JobsSetting = "Relief:Feeds:JobsQueueName";

    /// <summary>Setting and suggested queue name of each feed.</summary>
    public static readonly IReadOnlyDictionary<FeedKind, (string Setting, string DefaultName)> All = new Dictionary<FeedKind, (string, string)>
    {
        [FeedKind.Death] = (DeathsSetting, "feed-deaths"),
        [FeedKind.Disability] = (DisabilitySetting, "feed-disability"),
        [FeedKind.MedicalSelfPay] = (MedicalSetting, "feed-medical"),
        [FeedKind.HukouMove] = (HukouSetting, "feed-hukou"),
        [FeedKind.Custody] = (CustodySetting, "feed-custody"),
        [FeedKind.JobPlacement] = (JobsSetting, "feed-jobs"),
    };
}
