using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;

namespace Matcher.OpenAI.Parsing;

/// <summary>The strict JSON schemas of the structured outputs, generated from the extraction records.</summary>
internal static class ExtractionSchema
{
    public static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    private static readonly AIJsonSchemaCreateOptions Strict = new()
    {
        // OpenAI strict mode: every property required (nullable where optional), no additional properties.
        TransformOptions = new AIJsonSchemaTransformOptions
        {
            DisallowAdditionalProperties = true,
            RequireAllProperties = true,
            MoveDefaultKeywordToDescription = true,
        },
    };

    public static JsonElement Call { get; } = Create<CallExtraction>("Requirements, dates, benefits and documents stated in a scholarship call.");

    public static JsonElement Student { get; } = Create<StudentExtraction>("Facts a student states about herself.");

    private static JsonElement Create<T>(string description) =>
        AIJsonUtilities.CreateJsonSchema(typeof(T), description, serializerOptions: SerializerOptions, inferenceOptions: Strict);
}
