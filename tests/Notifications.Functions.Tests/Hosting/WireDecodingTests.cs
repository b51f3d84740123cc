using System.Text.Json;
using Notifications.Functions.Hosting;

namespace Notifications.Functions.Tests.Hosting;

public sealed class WireDecodingTests
{
    [Theory]
    [InlineData("\"\\\"aaaaa\\\"\"", "aaaaa")] // double-encoded, as the host sends it
    [InlineData("\"\\\"{\\\\\\\"id\\\\\\\":1}\\\"\"", """{"id":1}""")]
    [InlineData("\"{\\\"id\\\":1}\"", """{"id":1}""")] // single-encoded, as the docs show it
    [InlineData("\"hello\"", "hello")]
    [InlineData("""{"id":1}""", """{"id":1}""")]
    [InlineData("[1,2]", "[1,2]")]
    public void QueueMessageText_UnwrapsEveryForm(string dataMsg, string expected)
    {
        using var document = JsonDocument.Parse(dataMsg);

        Assert.Equal(expected, WireDecoding.QueueMessageText(document.RootElement));
    }

    [Theory]
    [InlineData("The \"quoted\" text")]
    [InlineData("\"starts with a quote\"")]
    [InlineData("""{"id":1,"name":"Zoë \\ \n"}""")]
    [InlineData("")]
    public void DoubleEncode_RoundTripsThroughTheEnvelope(string text)
    {
        var wire = JsonSerializer.Serialize(new { msg = WireDecoding.DoubleEncode(text) });
        using var document = JsonDocument.Parse(wire);

        Assert.Equal(text, WireDecoding.QueueMessageText(document.RootElement.GetProperty("msg")));
    }

    [Fact]
    public void QueueMetadata_AcceptsStringOrNumberCountsAndQuotedIds()
    {
        var fromHost = JsonSerializer.Deserialize<QueueMetadata>(
            """{"DequeueCount":"4","Id":"\"abc\"","PopReceipt":"\"AgAA+=\""}""", WireDecoding.Options)!;
        var fromDocs = JsonSerializer.Deserialize<QueueMetadata>(
            """{"dequeueCount":4,"id":"abc","popReceipt":"AgAA+="}""", WireDecoding.Options)!;

        Assert.Equal(fromHost, fromDocs);
        Assert.Equal(4, fromHost.DequeueCount);
        Assert.Equal("abc", fromHost.Id);
        Assert.Equal("AgAA+=", fromHost.PopReceipt);
    }
}
