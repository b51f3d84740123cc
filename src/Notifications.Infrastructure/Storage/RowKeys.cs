using System.Security.Cryptography;
using System.Text;

namespace Notifications.Infrastructure.Storage;

/// <summary>Row keys from ids that may contain characters Azure Tables forbids in keys (<c>/ \ # ?</c>, controls).</summary>
public static class RowKeys
{
    public static string Safe(string id)
    {
        if (id.Length <= 200 && !id.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            return id;
        }

        return "h:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
    }
}
