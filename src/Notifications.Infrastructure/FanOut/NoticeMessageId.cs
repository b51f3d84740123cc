using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Notifications.Infrastructure.Recipients;

namespace Notifications.Infrastructure.FanOut;

/// <summary>
/// The deterministic Message-ID of a person's notice: <c>notice.{incident}.{import}.{batch:D5}.{hash}@{domain}</c>, where
/// the hash is the first 128 bits of SHA-256 over incident and person id. A resend after a crash carries the same id, so
/// the relay, the recipient's mail client and an auditor can all recognise it as the same notice. No person id appears in
/// clear. Incident, import and batch number name the recipients partition (≤ 100 rows), so a delivery report that quotes
/// the id can be matched to its row without any personal data (<see cref="TryLocate"/>).
/// </summary>
public static class NoticeMessageId
{
    private const string Prefix = "notice";

    /// <param name="batchId">The person's recipients partition, <c>{incident}|{importId}|{batch:D5}</c> (<see cref="RecipientKeys.Batch"/>).</param>
    public static string For(string incidentId, string batchId, string personId, string domain)
    {
        if (!RecipientKeys.TryParseBatch(batchId, out var importId, out var number))
        {
            throw new ArgumentException($"'{batchId}' is not a recipients batch id.", nameof(batchId));
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(incidentId + "\n" + personId)))[..32];
        return $"{Prefix}.{AtomSafe(incidentId)}.{AtomSafe(importId)}.{number.ToString("D5", CultureInfo.InvariantCulture)}.{hash}@{domain}";
    }

    /// <summary>
    /// Reads the incident and the batch (recipients partition) out of an Internet Message-ID of ours, with or without its
    /// angle brackets. False for anything else. Only the shape is checked: the caller still finds the row whose stored
    /// <c>MessageId</c> equals <see cref="NoticeLocation.MessageId"/>. Incident ids that are not atom-safe are hashed in the
    /// id and cannot be located (the app's ids, <c>inc-…</c>, always are).
    /// </summary>
    public static bool TryLocate(string? internetMessageId, out NoticeLocation location)
    {
        location = default!;
        var id = internetMessageId?.Trim();
        if (id is { Length: > 2 } && id[0] == '<' && id[^1] == '>')
        {
            id = id[1..^1].Trim();
        }

        var at = id?.LastIndexOf('@') ?? -1;
        if (id is null || at <= 0 || at == id.Length - 1)
        {
            return false;
        }

        var parts = id[..at].Split('.');
        if (parts.Length != 5 || parts[0] != Prefix || !IsAtom(parts[1]) || !IsAtom(parts[2])
            || parts[3].Length < 5 || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || parts[4].Length != 32 || !parts[4].All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        location = new NoticeLocation(parts[1], RecipientKeys.Batch(parts[1], parts[2], number), id);
        return true;
    }

    private static bool IsAtom(string part) => part.Length is > 0 and <= 64 && part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string AtomSafe(string id) =>
        IsAtom(id) ? id : "h" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..16];
}

/// <param name="IncidentId">The incident named in the Message-ID.</param>
/// <param name="BatchId">The recipients partition of the person's row.</param>
/// <param name="MessageId">The Message-ID without angle brackets, as the row stores it.</param>
public sealed record NoticeLocation(string IncidentId, string BatchId, string MessageId);
