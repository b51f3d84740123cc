using System.Collections.Concurrent;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Notifications.Infrastructure.Storage;

/// <summary>
/// Table and queue clients by base name, created on first use. Queue messages are plain JSON text, not base64: host.json
/// sets <c>extensions.queues.messageEncoding</c> to <c>none</c> because Event Grid writes delivery reports to their queue
/// as plain text, and the setting is app-wide (docs/adr/0005). Producer and trigger must agree.
/// </summary>
public sealed class StorageClients
{
    private readonly StorageOptions _options;
    private readonly TableServiceClient _tables;
    private readonly QueueServiceClient _queues;
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tableCache = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> _queueCache = new();

    public StorageClients(IOptions<StorageOptions> options)
    {
        _options = options.Value;
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None };
        if (!string.IsNullOrWhiteSpace(_options.ConnectionString))
        {
            _tables = new TableServiceClient(_options.ConnectionString);
            _queues = new QueueServiceClient(_options.ConnectionString, queueOptions);
        }
        else if (!string.IsNullOrWhiteSpace(_options.AccountName))
        {
            var credential = new DefaultAzureCredential();
            _tables = new TableServiceClient(new Uri($"https://{_options.AccountName}.table.core.windows.net"), credential);
            _queues = new QueueServiceClient(new Uri($"https://{_options.AccountName}.queue.core.windows.net"), credential, queueOptions);
        }
        else
        {
            throw new InvalidOperationException(
                "Storage is not configured: set AzureWebJobsStorage (connection string) or AzureWebJobsStorage__accountName.");
        }
    }

    public string QueueName(string baseName) => _options.NamePrefix + baseName;

    public string TableName(string baseName) => _options.NamePrefix + baseName.Replace("-", "", StringComparison.Ordinal);

    public Task<TableClient> TableAsync(string baseName) =>
        _tableCache.GetOrAdd(baseName, name => new(async () =>
        {
            var client = _tables.GetTableClient(TableName(name));
            await client.CreateIfNotExistsAsync();
            return client;
        })).Value;

    public Task<QueueClient> QueueAsync(string baseName) =>
        _queueCache.GetOrAdd(baseName, name => new(async () =>
        {
            var client = _queues.GetQueueClient(QueueName(name));
            await client.CreateIfNotExistsAsync();
            return client;
        })).Value;

    /// <summary>A raw queue client by full name (for poison queues and tests), without creating it.</summary>
    public QueueClient QueueByFullName(string fullName) => _queues.GetQueueClient(fullName);

    public TableServiceClient TableService => _tables;
}
