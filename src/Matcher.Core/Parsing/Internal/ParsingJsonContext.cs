using System.Text.Json.Serialization;

namespace Matcher.Parsing.Internal;

/// <summary>Source-generated JSON metadata for the small values the parsers put into profile extensions.</summary>
[JsonSerializable(typeof(int))]
internal sealed partial class ParsingJsonContext : JsonSerializerContext;
