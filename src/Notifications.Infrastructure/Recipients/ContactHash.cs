using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Notifications.Infrastructure.Recipients;

/// <summary>
/// SHA-256 of a value, truncated to 128 bits. The import holds these instead of person ids and emails for the
/// duplicate and system-of-record checks: 16 bytes each, no readable contact data in memory dumps, and a collision
/// chance (about n²/2¹²⁹, 10⁻²⁹ for 100,000 rows) far below that of a hardware fault, so no second check is needed.
/// </summary>
internal static class ContactHash
{
    public static UInt128 Of(string value)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        Span<byte> utf8 = max <= 1024 ? stackalloc byte[max] : new byte[max];
        var length = Encoding.UTF8.GetBytes(value, utf8);
        SHA256.HashData(utf8[..length], hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    /// <summary>The hash of an email as compared: trimmed and lowercase; an empty email hashes as empty.</summary>
    public static UInt128 OfEmail(string? email) => Of(email is null ? "" : Domain.Recipients.EmailAddressRule.Normalize(email));
}
