using Microsoft.Extensions.Options;

namespace Matcher.Internal;

/// <summary>Validates the DataAnnotations of <see cref="MatcherOptions"/> (source-generated).</summary>
[OptionsValidator]
internal sealed partial class MatcherOptionsValidator : IValidateOptions<MatcherOptions>
{
}
