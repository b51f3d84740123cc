using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Notifications.Functions.Incidents;

/// <summary>
/// The one reader of <c>multipart/form-data</c> bodies: the parts in order, each streamed to the caller by its name. A
/// body that breaks the format is a field error, never an exception: a boundary the body does not contain, more than
/// <see cref="MaxHeaderBytes"/> before the first part or in a part's headers, or a part cut off before its closing
/// boundary. The error names the part being read, or <c>$</c> between parts.
/// </summary>
public static class MultipartBody
{
    public const int MaxHeaderBytes = 16 * 1024;

    /// <summary>True when the request says it is <c>multipart/form-data</c> (with or without a boundary).</summary>
    public static bool IsMultipart(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Hands each part to <paramref name="part"/> with its name (null without one) until it returns false or the parts
    /// end. Returns the errors of the body's format; empty when it was read as far as the caller wanted.
    /// </summary>
    public static async Task<Dictionary<string, string[]>> ReadAsync(
        HttpRequest request, Func<string?, Stream, Task<bool>> part, CancellationToken ct)
    {
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type);
        var boundary = HeaderUtilities.RemoveQuotes(type?.Boundary ?? default).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 70)
        {
            return new() { ["$"] = ["The Content-Type needs a multipart boundary of 1 to 70 characters."] };
        }

        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = MaxHeaderBytes };
        string? name = null;
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                name = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    ? HeaderUtilities.RemoveQuotes(disposition.Name).Value
                    : null;
                var more = await part(name, section.Body);
                name = null;
                if (!more)
                {
                    break;
                }
            }

            return [];
        }
        catch (IOException) when (!ct.IsCancellationRequested)
        {
            return name is not null
                ? new() { [name] = ["The part ends before its closing boundary: the body was cut off."] }
                : new() { ["$"] = [$"The body does not contain the boundary '{boundary}' that its Content-Type names, or ends before its closing boundary."] };
        }
        catch (InvalidDataException)
        {
            return new()
            {
                [name ?? "$"] = [$"More than {MaxHeaderBytes / 1024} KiB of text before the first part or in a part's headers; " +
                    "start the body with the boundary that the Content-Type names."],
            };
        }
    }
}
