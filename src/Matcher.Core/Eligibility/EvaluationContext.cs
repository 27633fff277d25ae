using Matcher.Students;

namespace Matcher.Eligibility;

/// <summary>What a criterion is evaluated against: the student, the evaluation date and the call's age reference date.</summary>
/// <param name="Student">The student.</param>
/// <param name="AsOf">The date the rules are evaluated at (validity of documents, call status).</param>
/// <param name="AgeReferenceDate">The date ages are computed at (the call's, else <paramref name="AsOf"/>).</param>
public sealed record EvaluationContext(StudentProfile Student, DateOnly AsOf, DateOnly AgeReferenceDate);
