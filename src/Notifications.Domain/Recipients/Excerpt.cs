namespace Notifications.Domain.Recipients;

/// <summary>A short, safe excerpt of an uploaded value for an error message: never the whole cell.</summary>
public static class Excerpt
{
    public const int MaxLength = 24;

    public static string Of(string value)
    {
        var clean = new string(value.Where(c => !char.IsControl(c)).Take(MaxLength + 1).ToArray());
        return clean.Length > MaxLength ? "'" + clean[..MaxLength] + "…'" : "'" + clean + "'";
    }
}
