using Notifications.Domain.Recipients;

namespace Notifications.Infrastructure.Recipients;

/// <summary>
/// The outcome of an upload: the committed manifest, or the errors that stopped it (nothing was imported).
/// <see cref="Errors"/> lists file-level findings first, then located errors up to the cap; <see cref="ErrorsNotShown"/>
/// counts the rest.
/// </summary>
public sealed record ImportResult(ImportManifest? Manifest, IReadOnlyList<ImportError> Errors, long ErrorsNotShown)
{
    public bool Succeeded => Manifest is not null;

    public static ImportResult Success(ImportManifest manifest) => new(manifest, [], 0);

    public static ImportResult Failed(ImportErrors errors) => new(null, errors.ToList(), errors.NotShown);
}
