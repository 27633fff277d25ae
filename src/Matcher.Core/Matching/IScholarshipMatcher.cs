using Matcher.Students;

namespace Matcher.Matching;

/// <summary>
/// Matches students with the scholarships of the current catalog: eligibility, scoring, ranking and explanation.
/// </summary>
/// <remarks>
/// Thread-safe; one instance serves every request. Matching is CPU-bound and synchronous for one student; batches
/// stream through <see cref="MatchManyAsync"/>. No student data is logged.
/// </remarks>
public interface IScholarshipMatcher
{
    /// <summary>Matches one student.</summary>
    /// <param name="student">The student.</param>
    /// <param name="request">Date, top-K, language, whether to include ineligible scholarships.</param>
    /// <returns>The report.</returns>
    MatchReport Match(StudentProfile student, MatchRequest? request = null);

    /// <summary>Explains one scholarship for one student: every criterion, including nested ones.</summary>
    /// <param name="student">The student.</param>
    /// <param name="scholarshipId">The scholarship.</param>
    /// <param name="request">Date and language.</param>
    /// <returns>The match, or <see langword="null"/> when the catalog has no such scholarship.</returns>
    ScholarshipMatch? Explain(StudentProfile student, string scholarshipId, MatchRequest? request = null);

    /// <summary>Matches a stream of students, yielding reports in input order.</summary>
    /// <param name="students">The students.</param>
    /// <param name="request">Options applied to every student; a missing date is fixed once for the whole stream.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    /// <returns>The reports, in input order.</returns>
    IAsyncEnumerable<MatchReport> MatchManyAsync(IAsyncEnumerable<StudentProfile> students, MatchRequest? request = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Matches a stream of students on all cores and projects each report (for example to its serialized bytes) on the
    /// worker that made it, yielding the projections in input order. Memory stays bounded whatever the input size: at
    /// most a few batches per core are in flight.
    /// </summary>
    /// <typeparam name="TResult">The projection.</typeparam>
    /// <param name="students">The students.</param>
    /// <param name="selector">Projects a report; runs concurrently on several threads.</param>
    /// <param name="request">Options applied to every student; a missing date is fixed once for the whole stream.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    /// <returns>The projections, in input order.</returns>
    IAsyncEnumerable<TResult> MatchManyAsync<TResult>(IAsyncEnumerable<StudentProfile> students, Func<MatchReport, TResult> selector, MatchRequest? request = null, CancellationToken cancellationToken = default);
}
