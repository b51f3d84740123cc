using Notifications.Infrastructure.Storage;

namespace Notifications.Infrastructure.FanOut;

/// <summary>
/// Where the fan-out keeps its rows: table <c>fanout</c>, one partition per incident, holding the run control row and
/// one result row per batch (so parallel batches never write the same row, and never the incident's state row).
/// </summary>
public static class FanOutKeys
{
    public const string Table = "fanout";

    /// <summary>Where Event Grid puts Communication Services email delivery reports (infra/modules/deliveryreports.bicep).</summary>
    public const string DeliveryReportsQueue = "delivery-reports";
    public const string ControlRow = "control";

    public static string Partition(string incidentId) => RowKeys.Safe(incidentId);

    public static string BatchRow(string batchId) => "batch|" + batchId;

    public const string BatchRowPrefix = "batch|";
}

/// <summary>
/// The send status of a recipient row. <c>pending</c> is set at import; the batch sender moves it on, and a delivery
/// report can move <c>sent</c> on to <c>bounced</c>. A letter person's row goes to <c>returned</c> when the letter came back.
/// </summary>
public static class RecipientStatus
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Blocked = "blocked";
    public const string FailedPermanent = "failedPermanent";

    /// <summary>The relay accepted the notice, then reported it undelivered: the person is moved to indirect notice.</summary>
    public const string Bounced = "bounced";

    /// <summary>A letter (channel letter, never emailed) came back undelivered: the person is moved to indirect notice.</summary>
    public const string Returned = "returned";

    /// <summary>Statuses that are never sent again.</summary>
    public static bool IsFinal(string? status) => status is Sent or Blocked or FailedPermanent or Bounced or Returned;
}
