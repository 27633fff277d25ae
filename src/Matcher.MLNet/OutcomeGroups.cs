using Matcher.MLNet.Outcomes;
using Matcher.Scoring;
using Matcher.Students;

namespace Matcher.MLNet;

/// <summary>One query: a student, the candidates the pipeline would rank, and each candidate's graded relevance from the outcomes.</summary>
internal sealed record OutcomeGroup(StudentProfile Student, List<ScoredCandidate> Candidates, int[] Labels);

/// <summary>Builds queries from outcome rows, and the held-out split used by training and evaluation.</summary>
internal static class OutcomeGroups
{
    /// <summary>A third of the calls are held out (by a seeded stable hash of the id); their rows are used only for evaluation.</summary>
    public static bool IsHeldOutCall(string scholarshipId, int seed) => Candidates.Hash(scholarshipId, seed) % 3 == 0;

    /// <summary>Half of the students are test students.</summary>
    public static bool IsTestStudent(string studentId, int seed) => Candidates.Hash(studentId, seed + 1) % 2 == 0;

    public static List<OutcomeGroup> Build(Candidates candidates, IEnumerable<OutcomeRecord> outcomes, bool test, int seed, DateOnly? asOf)
    {
        var groups = new List<OutcomeGroup>();
        foreach (var byStudent in outcomes.GroupBy(o => o.Student.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (IsTestStudent(byStudent.Key, seed) != test)
            {
                continue;
            }

            var student = byStudent.First().Student;
            var date = asOf ?? byStudent.Min(o => o.RecordedOn);
            var list = candidates.For(student, date, id => IsHeldOutCall(id, seed) == test);
            var relevance = byStudent.GroupBy(o => o.ScholarshipId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(o => o.Relevance), StringComparer.Ordinal);
            var labels = list.Select(c => relevance.GetValueOrDefault(c.Scholarship.Id)).ToArray();
            if (list.Count > 1 && labels.Any(l => l > 0))
            {
                groups.Add(new OutcomeGroup(student, list, labels));
            }
        }

        return groups;
    }
}
