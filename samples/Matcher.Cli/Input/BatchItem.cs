using Matcher.Serialization;
using Matcher.Students;

namespace Matcher.Cli.Input;

/// <summary>One row of a batch: its 0-based index among the data rows, its line, and the profile or its errors.</summary>
internal sealed record BatchItem(long Index, int Line, StudentProfile? Profile, IReadOnlyList<InputError> Errors);
