using System.Text.Json;
using System.Text.Json.Serialization;

namespace Notifications.Domain.Policy;

/// <summary>Loads policy packs from JSON and validates them. A pack that fails validation is never returned.</summary>
public static class PolicyPackLoader
{
    private const string ResourcePrefix = "Notifications.Domain.Policy.Packs.";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
        Converters = { new CamelEnumConverterFactory(), new IsoDurationConverter() },
    };

    /// <summary>The names of the packs embedded in this library (e.g. <c>bc-foippa.v1</c>).</summary>
    public static IReadOnlyList<string> EmbeddedPackNames { get; } =
        typeof(PolicyPackLoader).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^".json".Length])
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>Loads an embedded pack by name (e.g. <c>bc-foippa.v1</c>).</summary>
    /// <exception cref="PolicyPackException">The pack is missing or invalid.</exception>
    public static PolicyPack LoadEmbedded(string name)
    {
        using var stream = typeof(PolicyPackLoader).Assembly.GetManifestResourceStream($"{ResourcePrefix}{name}.json")
            ?? throw new PolicyPackException(name, [$"No embedded pack named '{name}'. Embedded: {string.Join(", ", EmbeddedPackNames)}."]);
        return Load(stream, name);
    }

    /// <summary>Loads a pack from a UTF-8 JSON stream.</summary>
    /// <exception cref="PolicyPackException">The JSON is malformed or the pack is invalid.</exception>
    public static PolicyPack Load(Stream json, string name)
    {
        PolicyPack? pack;
        try
        {
            pack = JsonSerializer.Deserialize<PolicyPack>(json, Options);
        }
        catch (JsonException e)
        {
            throw new PolicyPackException(name, [$"{e.Path ?? "$"}: {e.Message}"], e);
        }

        return Validated(pack, name);
    }

    /// <summary>Loads a pack from a JSON string.</summary>
    /// <exception cref="PolicyPackException">The JSON is malformed or the pack is invalid.</exception>
    public static PolicyPack Parse(string json, string name)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return Load(stream, name);
    }

    private static PolicyPack Validated(PolicyPack? pack, string name)
    {
        if (pack is null)
        {
            throw new PolicyPackException(name, ["$: the document is empty."]);
        }

        IReadOnlyList<string> errors;
        try
        {
            errors = PolicyPackValidator.Validate(pack);
        }
        catch (NullReferenceException e)
        {
            // Nullable annotations cover properties, not list entries: "factors": [null] lands here.
            throw new PolicyPackException(name, ["$: a list contains an empty (null) entry."], e);
        }

        return errors.Count == 0 ? pack : throw new PolicyPackException(name, errors);
    }
}
