using System.Text.Json;
using Azure.Data.Tables;
using Notifications.Domain.Incidents;
using Notifications.Domain.Notices;

namespace Notifications.Infrastructure.FanOut;

/// <summary>
/// The notice text of one run, fixed when the run starts (<c>fanout</c> table, row <c>notice|{runId}</c>): the
/// incident-level model in each language, the template version and the policy pack. Every batch renders from it, so a
/// redelivered batch renders the same notice under the same Message-ID even if a containment step was completed since.
/// Only the person's own name is added per person.
/// </summary>
public sealed record NoticePin(string RunId, string ImportId, string TemplateVersion, string PackId, string PackVersion,
    IReadOnlyDictionary<string, NoticeModel> Models)
{
    /// <summary>The office's own templates approved with the content; null for the deployed defaults.</summary>
    public CustomTemplates? Templates { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Row(string runId) => "notice|" + runId;

    /// <summary>The pinned model in <paramref name="language"/>, for this person.</summary>
    public NoticeModel For(string language, string? givenName, string? familyName) =>
        Models[NoticeLanguage.Normalize(language)] with { GivenName = givenName, FamilyName = familyName };

    internal TableEntity ToEntity(string incidentId)
    {
        var entity = new TableEntity(FanOutKeys.Partition(incidentId), Row(RunId))
        {
            ["RunId"] = RunId,
            ["ImportId"] = ImportId,
            ["TemplateVersion"] = TemplateVersion,
            ["PackId"] = PackId,
            ["PackVersion"] = PackVersion,
        };
        if (Templates is not null)
        {
            entity["Templates"] = JsonSerializer.SerializeToUtf8Bytes(Templates, Json);
        }

        foreach (var (language, model) in Models)
        {
            // Binary (UTF-8 JSON, up to 64 KiB) holds twice the text a string property (32K UTF-16 chars) would.
            entity["Model_" + language] = JsonSerializer.SerializeToUtf8Bytes(model.WithoutPerson(), Json);
        }

        return entity;
    }

    internal static NoticePin FromEntity(TableEntity e)
    {
        var models = e.Keys.Where(k => k.StartsWith("Model_", StringComparison.Ordinal))
            .ToDictionary(k => k["Model_".Length..], k => JsonSerializer.Deserialize<NoticeModel>(e.GetBinary(k), Json)!, StringComparer.Ordinal);
        return new NoticePin(e.GetString("RunId"), e.GetString("ImportId"), e.GetString("TemplateVersion"), e.GetString("PackId"),
            e.GetString("PackVersion"), models)
        {
            Templates = e.GetBinary("Templates") is { } templates ? JsonSerializer.Deserialize<CustomTemplates>(templates, Json) : null,
        };
    }
}
