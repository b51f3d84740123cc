using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Notifications.TestKit;

namespace Notifications.Benchmarks;

internal sealed record RawResult(int Mails, TimeSpan MailTime, CpuSample MailCpu, int Entities, TimeSpan TableTime, int QueueMessages, TimeSpan QueueSendTime, TimeSpan QueueReceiveTime)
{
    public double MailsPerSecond => Mails / MailTime.TotalSeconds;
    public double EntitiesPerSecond => Entities / TableTime.TotalSeconds;
    public double QueueSendPerSecond => QueueMessages / QueueSendTime.TotalSeconds;
    public double QueueReceivePerSecond => QueueMessages / QueueReceiveTime.TotalSeconds;
}

/// <summary>The same sinks driven directly, with nothing of ours in between: MailKit to maildev, table transactions, queue messages.</summary>
internal static class RawLimits
{
    public const int TableParallelism = 8;
    public const int QueueParallelism = 16;

    public static async Task<RawResult> MeasureAsync(DevServices dev, int n, int connections, Action<string> log)
    {
        var before = CpuSample.Take();
        var mailTime = await MailAsync(dev, n, connections);
        var mailCpu = CpuSample.Take() - before;
        await dev.Mail.ClearAsync();
        var tableTime = await TableAsync(dev, n);
        var queueMessages = Math.Max(1000, n / 10);
        var (send, receive) = await QueueAsync(dev, queueMessages);
        var raw = new RawResult(n, mailTime, mailCpu, n, tableTime, queueMessages, send, receive);
        log($"  raw: MailKit {raw.MailsPerSecond:F0}/s, table {raw.EntitiesPerSecond:F0} entities/s, queue send {raw.QueueSendPerSecond:F0}/s, receive+delete {raw.QueueReceivePerSecond:F0}/s; MailKit CPU {mailCpu}");
        return raw;
    }

    /// <summary>N notices of the pipeline's shape over <paramref name="connections"/> reused connections.</summary>
    private static async Task<TimeSpan> MailAsync(DevServices dev, int n, int connections)
    {
        var domain = Names.Unique("braw") + ".test";
        var next = 0;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, connections), async (_, ct) =>
        {
            using var client = new SmtpClient();
            await client.ConnectAsync("127.0.0.1", dev.SmtpPort, SecureSocketOptions.None, ct);
            int i;
            while ((i = Interlocked.Increment(ref next)) <= n)
            {
                var message = new MimeMessage
                {
                    MessageId = $"raw.{i}@{domain}",
                    Subject = "Privacy breach notice (raw)",
                    Body = new TextPart("plain") { Text = $"Hello Given{i},\n\nYour personal information was affected by incident raw.\n" },
                };
                message.From.Add(new MailboxAddress("Privacy Office", "privacy-notices@example.test"));
                message.To.Add(new MailboxAddress($"Given{i} Family{i}", $"person{i}@{domain}"));
                await client.SendAsync(message, ct);
            }

            await client.DisconnectAsync(true, ct);
        });
        return watch.Elapsed;
    }

    /// <summary>N entities of the recipient rows' size, as 100-entity transactions to different partitions.</summary>
    private static async Task<TimeSpan> TableAsync(DevServices dev, int n)
    {
        var table = new TableClient(dev.StorageConnectionString, Names.Unique("brawt"));
        await table.CreateIfNotExistsAsync();
        var batches = (n + 99) / 100;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, batches), new ParallelOptions { MaxDegreeOfParallelism = TableParallelism }, async (b, ct) =>
        {
            var actions = Enumerable.Range(0, Math.Min(100, n - (b * 100))).Select(i => new TableTransactionAction(TableTransactionActionType.Add,
                new TableEntity($"raw|{b:D5}", $"P{(b * 100) + i:D7}")
                {
                    ["Line"] = (long)(b * 100) + i, ["PersonId"] = $"P{i:D7}", ["GivenName"] = $"Given{i}", ["FamilyName"] = $"Family{i}",
                    ["Email"] = $"person{i}@example.test", ["PostalAddress"] = $"{i} Fictional Street, Victoria BC", ["Language"] = "en",
                    ["Jurisdiction"] = "BC", ["Identifiers"] = $"client:C-{i}", ["Withhold"] = false, ["Channel"] = "Email", ["Status"] = "pending",
                }));
            await table.SubmitTransactionAsync(actions, ct);
        });
        return watch.Elapsed;
    }

    /// <summary>Batch-message-sized messages: sent in parallel, then received 32 at a time and deleted.</summary>
    private static async Task<(TimeSpan Send, TimeSpan Receive)> QueueAsync(DevServices dev, int count)
    {
        var queue = new QueueClient(dev.StorageConnectionString, Names.Unique("brawq"), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await queue.CreateIfNotExistsAsync();
        var body = """{"schema":1,"incidentId":"bench-incident","runId":"run-1","batchId":"bench-incident|0196a0b1c2d3e4f5a6b7c8d9e0f1a2b3|00001","canary":false}""";
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = QueueParallelism },
            async (_, ct) => await queue.SendMessageAsync(body, ct));
        var send = watch.Elapsed;
        watch.Restart();
        var received = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, QueueParallelism), async (_, ct) =>
        {
            while (Volatile.Read(ref received) < count)
            {
                var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5), ct)).Value;
                if (messages.Length == 0)
                {
                    break;
                }

                foreach (var m in messages)
                {
                    await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, ct);
                }

                Interlocked.Add(ref received, messages.Length);
            }
        });
        return (send, watch.Elapsed);
    }
}
