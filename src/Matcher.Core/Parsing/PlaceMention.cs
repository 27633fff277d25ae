using Matcher.Geography;

namespace Matcher.Parsing;

/// <summary>A Peruvian place named in a text, with the INEI areas the name stands for there.</summary>
/// <param name="Span">Where the name is.</param>
/// <param name="Name">The name as written.</param>
/// <param name="Areas">The department, province or district it names; more than one when the text leaves it ambiguous.</param>
public sealed record PlaceMention(TextSpan Span, string Name, IReadOnlyList<UbigeoArea> Areas);
