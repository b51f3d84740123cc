using System.Text.Json;
using System.Text.Json.Serialization;

namespace Notifications.Infrastructure.Workflow;

/// <summary>The one JSON shape for state, history, outbox and queue messages.</summary>
public static class WorkflowJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
