using System.Security.Cryptography;
using System.Text;

namespace Notifications.Infrastructure.FanOut;

/// <summary>
/// The deterministic Message-ID of a person's notice: <c>notice.{incident}.{hash}@{domain}</c>, where the hash is the first
/// 128 bits of SHA-256 over incident and person id. A resend after a crash carries the same id, so the relay, the
/// recipient's mail client and an auditor can all recognise it as the same notice. No person id appears in clear.
/// </summary>
public static class NoticeMessageId
{
    public static string For(string incidentId, string personId, string domain)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(incidentId + "\n" + personId)))[..32];
        return $"notice.{AtomSafe(incidentId)}.{hash}@{domain}";
    }

    private static string AtomSafe(string id) =>
        id.Length <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? id
            : "h" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..16];
}
