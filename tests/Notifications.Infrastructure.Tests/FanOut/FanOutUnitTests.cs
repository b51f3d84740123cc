using Notifications.Infrastructure.FanOut;

namespace Notifications.Infrastructure.Tests.FanOut;

public sealed class FanOutUnitTests
{
    [Fact]
    public void BatchMessage_RoundTripsIdsOnly()
    {
        var message = new BatchMessage(BatchMessage.CurrentSchema, "inc-1", "run-1", "inc-1|abc|00003", false, null);

        var json = message.ToJson();

        Assert.Equal("""{"schema":1,"incidentId":"inc-1","runId":"run-1","batchId":"inc-1|abc|00003","canary":false}""", json);
        Assert.Equal(message, BatchMessage.Parse(json));
    }
}
