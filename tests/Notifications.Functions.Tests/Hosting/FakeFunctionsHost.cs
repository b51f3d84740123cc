using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Notifications.Functions.Tests.Hosting;

/// <param name="Succeeded">What the Functions host would conclude (contract §1.7).</param>
/// <param name="Failure">Why the host would fail the invocation, when it would.</param>
public sealed record HostOutcome(bool Succeeded, HttpStatusCode Status, string? MediaType, string Body, string? Failure);

/// <summary>
/// Posts an invocation envelope like the Functions host does and interprets the answer the way its code does
/// (DefaultHttpWorkerService.ProcessDefaultInvocationRequest): non-2xx fails, a non-JSON content type fails, a body
/// that is not a JSON object of the result shape fails, and an empty 2xx body would hang the invocation.
/// </summary>
public sealed class FakeFunctionsHost(HttpClient client)
{
    public async Task<HostOutcome> InvokeAsync(string functionName, string envelope, string? invocationId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/" + functionName)
        {
            Content = new StringContent(envelope, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Azure-Functions-InvocationId", invocationId ?? Guid.NewGuid().ToString());
        request.Headers.Add("X-Azure-Functions-HostVersion", "4.1037.0");
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Azure-Functions-Host", "4.1037.0"));

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var failure = Interpret(response.StatusCode, mediaType, body);
        return new HostOutcome(failure is null, response.StatusCode, mediaType, body, failure);
    }

    public async Task<HostOutcome> InvokeGoldenAsync(string functionName, string goldenFile) =>
        await InvokeAsync(functionName, await File.ReadAllTextAsync(
            Path.Combine(AppContext.BaseDirectory, "Golden", goldenFile), TestContext.Current.CancellationToken));

    private static string? Interpret(HttpStatusCode status, string? mediaType, string body)
    {
        if ((int)status is < 200 or > 299)
        {
            return $"non-2xx status {(int)status}";
        }

        if (mediaType is not ("application/json" or "text/json"))
        {
            return $"unsupported media type '{mediaType}'";
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return "empty body (the invocation would hang until functionTimeout)";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return "the body is not a JSON object";
            }

            foreach (var property in root.EnumerateObject())
            {
                var invalid = property.Name.ToUpperInvariant() switch
                {
                    "OUTPUTS" => property.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null),
                    "LOGS" => property.Value.ValueKind is not (JsonValueKind.Array or JsonValueKind.Null)
                        || (property.Value.ValueKind == JsonValueKind.Array
                            && property.Value.EnumerateArray().Any(l => l.ValueKind != JsonValueKind.String)),
                    _ => false,
                };
                if (invalid)
                {
                    return $"'{property.Name}' has the wrong shape";
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return "the body is not valid JSON";
        }
    }
}
