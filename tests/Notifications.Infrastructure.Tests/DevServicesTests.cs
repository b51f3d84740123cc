using Azure.Data.Tables;
using Azure.Storage.Queues;
using MailKit.Net.Smtp;
using MimeKit;
using Notifications.TestKit;

namespace Notifications.Infrastructure.Tests;

/// <summary>The real services the integration tests rely on are up and reachable.</summary>
public sealed class DevServicesTests(DevServicesFixture fixture)
{
    private readonly DevServices _services = fixture.Services;

    [Fact]
    public async Task Azurite_AcceptsTableAndQueueWrites()
    {
        var table = new TableClient(_services.StorageConnectionString, Names.Unique("smoke"));
        await table.CreateIfNotExistsAsync(TestContext.Current.CancellationToken);
        await table.AddEntityAsync(new TableEntity("p", "r") { ["v"] = 1 }, TestContext.Current.CancellationToken);
        var queue = new QueueClient(_services.StorageConnectionString, Names.Unique("smoke"));
        await queue.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await queue.SendMessageAsync("hello", TestContext.Current.CancellationToken);

        var entity = await table.GetEntityAsync<TableEntity>("p", "r", cancellationToken: TestContext.Current.CancellationToken);
        var peeked = await queue.PeekMessageAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, entity.Value.GetInt32("v"));
        Assert.Equal("hello", peeked.Value.MessageText);
    }

    [Fact]
    public async Task Maildev_ReceivesSmtpMessages()
    {
        var ct = TestContext.Current.CancellationToken;
        var subject = "smoke " + Guid.NewGuid();
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync("127.0.0.1", _services.SmtpPort, MailKit.Security.SecureSocketOptions.None, ct);
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = "body" } };
        message.From.Add(MailboxAddress.Parse("from@example.test"));
        message.To.Add(MailboxAddress.Parse("to@example.test"));
        await smtp.SendAsync(message, ct);
        await smtp.DisconnectAsync(true, ct);

        var inbox = await _services.Mail.WaitForAsync(all => all.Any(m => m.Subject == subject), ct: ct);

        Assert.Equal("to@example.test", inbox.Single(m => m.Subject == subject).To.Single().Address);
    }
}
