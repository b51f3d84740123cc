using Notifications.Infrastructure.FanOut;

namespace Notifications.Infrastructure.Tests.FanOut;

/// <summary>Queue bodies exactly as Event Grid writes them (documented sample shapes, literal text).</summary>
public sealed class DeliveryReportParseTests
{
    private const string EventGridSchema = """
        {"id":"00000000-0000-0000-0000-000000000001","topic":"/subscriptions/s/resourceGroups/g/providers/microsoft.communication/communicationservices/acs",
         "subject":"sender/DoNotReply@notify.example.test/message/11111111-1111-1111-1111-111111111111",
         "data":{"sender":"DoNotReply@notify.example.test","recipient":"person7@example.test","messageId":"11111111-1111-1111-1111-111111111111",
                 "internetMessageId":"<notice.inc-1.abc.00000.0123456789abcdef0123456789abcdef@example.test>","status":"Bounced",
                 "deliveryStatusDetails":{"statusMessage":"550 5.1.1 mailbox unavailable"},"deliveryAttemptTimestamp":"2026-11-22T10:00:05.123Z"},
         "eventType":"Microsoft.Communication.EmailDeliveryReportReceived","dataVersion":"1.0","metadataVersion":"1","eventTime":"2026-11-22T10:00:06Z"}
        """;

    private const string CloudEventSchema = """
        {"specversion":"1.0","type":"Microsoft.Communication.EmailDeliveryReportReceived",
         "source":"/subscriptions/s/resourceGroups/g/providers/microsoft.communication/communicationservices/acs","id":"ce-2",
         "time":"2026-11-22T10:00:06Z","subject":"sender/DoNotReply@notify.example.test/message/2",
         "data":{"sender":"DoNotReply@notify.example.test","recipient":"person8@example.test","messageId":"2",
                 "internetMessageId":"notice.inc-1.abc.00000.fedcba9876543210fedcba9876543210@example.test","status":"Delivered",
                 "deliveryStatusDetails":{"statusMessage":""},"deliveryAttemptTimeStamp":"2026-11-22T10:00:05Z"}}
        """;

    [Fact]
    public void Parse_EventGridSchema_ReadsTheReport()
    {
        var report = Assert.Single(DeliveryReport.Parse(EventGridSchema));

        Assert.Equal(new DeliveryReport("00000000-0000-0000-0000-000000000001", DeliveryReport.EmailDeliveryReportReceived,
            "<notice.inc-1.abc.00000.0123456789abcdef0123456789abcdef@example.test>", "person7@example.test", "Bounced",
            new DateTimeOffset(2026, 11, 22, 10, 0, 5, 123, TimeSpan.Zero)), report);
        Assert.True(report.IsEmailDeliveryReport);
        Assert.False(report.IsDelivered);
    }

    [Fact]
    public void Parse_CloudEventsSchema_ReadsTheReport_WhateverTheTimestampCasing()
    {
        var report = Assert.Single(DeliveryReport.Parse(CloudEventSchema));

        Assert.Equal(("ce-2", DeliveryReport.EmailDeliveryReportReceived, "person8@example.test"), (report.EventId, report.EventType, report.Recipient));
        Assert.Equal("notice.inc-1.abc.00000.fedcba9876543210fedcba9876543210@example.test", report.InternetMessageId);
        Assert.True(report.IsDelivered);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 0, 5, TimeSpan.Zero), report.AttemptedAt);
    }

    [Fact]
    public void Parse_ArrayOfEvents_ReadsEach() =>
        Assert.Equal(["00000000-0000-0000-0000-000000000001", "ce-2"],
            DeliveryReport.Parse($"[{EventGridSchema},{CloudEventSchema}]").Select(r => r.EventId));

    [Fact]
    public void Parse_ArrayOfEventGridEvents_ReadsEachWithItsTypedData()
    {
        var second = EventGridSchema.Replace("00000000-0000-0000-0000-000000000001", "eg-2", StringComparison.Ordinal)
            .Replace("\"Bounced\"", "\"FilteredSpam\"", StringComparison.Ordinal).Replace("person7@", "person9@", StringComparison.Ordinal);

        var reports = DeliveryReport.Parse($"[{EventGridSchema},\n{second}]");

        Assert.Equal([("00000000-0000-0000-0000-000000000001", "person7@example.test", "Bounced"), ("eg-2", "person9@example.test", "FilteredSpam")],
            reports.Select(r => (r.EventId, r.Recipient!, r.Status!)));
        Assert.All(reports, r => Assert.Equal("<notice.inc-1.abc.00000.0123456789abcdef0123456789abcdef@example.test>", r.InternetMessageId));
    }

    [Fact]
    public void Parse_ArrayOfCloudEvents_ReadsEachWithItsTypedData()
    {
        var second = CloudEventSchema.Replace("\"ce-2\"", "\"ce-3\"", StringComparison.Ordinal).Replace("\"Delivered\"", "\"Suppressed\"", StringComparison.Ordinal);

        var reports = DeliveryReport.Parse($"[{CloudEventSchema},{second}]");

        Assert.Equal([("ce-2", true), ("ce-3", false)], reports.Select(r => (r.EventId, r.IsDelivered)));
        Assert.All(reports, r => Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 0, 5, TimeSpan.Zero), r.AttemptedAt));
        Assert.Equal("Suppressed", reports[1].Status);
    }

    [Theory]
    [InlineData("{\"id\":\"1\",\"eventType\":\"Microsoft.Communication.EmailDeliveryReportReceived\",\"data\":{}}")] // no subject, dataVersion, eventTime
    [InlineData("{\"specversion\":\"1.0\",\"id\":\"1\",\"type\":\"Microsoft.Communication.EmailDeliveryReportReceived\",\"data\":{}}")] // no source
    [InlineData("[{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"}, \"an event\"]")]
    public void Parse_AnEventTheSchemaRefuses_ThrowsFormatException(string text) => Assert.Throws<FormatException>(() => DeliveryReport.Parse(text));

    [Fact]
    public void Parse_OtherEventType_IsReadButNotAnEmailDeliveryReport()
    {
        var other = EventGridSchema.Replace("EmailDeliveryReportReceived", "EmailEngagementTrackingReportReceived", StringComparison.Ordinal);

        Assert.False(Assert.Single(DeliveryReport.Parse(other)).IsEmailDeliveryReport);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("\"a string\"")]
    [InlineData("42")]
    [InlineData("{\"data\":{}}")]
    [InlineData("[{\"id\":\"1\"}]")]
    [InlineData("[1]")]
    public void Parse_NotAnEvent_ThrowsFormatException(string text) => Assert.Throws<FormatException>(() => DeliveryReport.Parse(text));
}
