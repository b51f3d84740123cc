using Azure.Data.Tables;
using Notifications.Domain.Recipients;

namespace Notifications.Infrastructure.FanOut;

/// <summary>Counts one batch's recipient rows by status: the numbers of its <see cref="BatchResult"/>.</summary>
internal static class BatchTally
{
    public static BatchResult Count(BatchResult basis, IEnumerable<TableEntity> rows)
    {
        int sent = 0, delivered = 0, blocked = 0, failed = 0, bounced = 0, skipped = 0, pending = 0, twice = 0;
        foreach (var row in rows)
        {
            twice += row.GetBoolean("PossiblyTwice") == true ? 1 : 0;
            switch (row.GetString("Status"))
            {
                case RecipientStatus.Sent:
                    sent++;
                    delivered += row.GetDateTimeOffset("DeliveredAt") is null ? 0 : 1;
                    break;
                case RecipientStatus.Blocked: blocked++; break;
                case RecipientStatus.FailedPermanent: failed++; break;
                case RecipientStatus.Bounced: bounced++; break;
                // A letter or indirect person, or one whose contact data was purged before they could be sent to.
                case var _ when row.GetString("Channel") != nameof(NoticeChannel.Email) || Recipients.RecipientFields.IsContactPurged(row): skipped++; break;
                default: pending++; break;
            }
        }

        return basis with
        {
            Sent = sent,
            Blocked = blocked,
            FailedPermanent = failed,
            Skipped = skipped,
            Pending = pending,
            Bounced = bounced,
            Delivered = delivered,
            PossiblyTwice = twice,
        };
    }
}
