namespace Notifications.Infrastructure.Storage;

/// <summary>
/// Where tables and queues live. <c>AzureWebJobsStorage</c> is either a connection string (Azurite, local) or, in
/// Azure, identity-based settings <c>AzureWebJobsStorage__accountName</c> (the same the Functions host reads).
/// </summary>
public sealed class StorageOptions
{
    /// <summary>Connection string; empty when identity-based.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Storage account name for identity-based access (managed identity).</summary>
    public string? AccountName { get; set; }

    /// <summary>
    /// Prepended to every table and queue name so several local environments or test runs can share one account.
    /// Lowercase letters and digits only. Must be empty in Azure, where function.json names the queues.
    /// </summary>
    public string NamePrefix { get; set; } = "";
}
