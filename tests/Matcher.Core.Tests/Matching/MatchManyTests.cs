using System.Runtime.CompilerServices;
using Matcher.Eligibility.Criteria;
using Matcher.Students;

namespace Matcher.Matching;

public class MatchManyTests
{
    private static readonly IScholarshipMatcher Matcher = TestScholarships.Matcher(TestScholarships.Make("x", [new NationalityCriterion(["PE"])]));

    private static async IAsyncEnumerable<StudentProfile> Students(int count, int failAt = -1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            if (i == failAt)
            {
                throw new IOException("disk gone");
            }

            if (i % 500 == 0)
            {
                await Task.Yield();
            }

            cancellationToken.ThrowIfCancellationRequested();
            yield return new StudentProfile { Id = "st-" + i, Nationality = i % 3 == 0 ? "CO" : "PE" };
        }
    }

    [Fact]
    public async Task ManyStudents_ComeOutInInputOrder()
    {
        var ids = new List<string>();
        await foreach (var id in Matcher.MatchManyAsync(Students(10_000), r => r.StudentId + ":" + r.Matches.Count))
        {
            ids.Add(id);
        }

        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => "st-" + i + ":" + (i % 3 == 0 ? 0 : 1)), ids);
    }

    [Fact]
    public async Task AFailingInput_ReachesTheConsumerAfterTheRowsBeforeIt()
    {
        var seen = 0;
        var ex = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var report in Matcher.MatchManyAsync(Students(1000, failAt: 700)))
            {
                Assert.Equal("st-" + seen, report.StudentId);
                seen++;
            }
        });
        Assert.Equal("disk gone", ex.Message);
        Assert.True(seen <= 700);
    }

    [Fact]
    public async Task LeavingEarly_StopsTheWorkers()
    {
        var taken = 0;
        await foreach (var report in Matcher.MatchManyAsync(Students(1_000_000)))
        {
            if (++taken == 100)
            {
                break;
            }
        }

        Assert.Equal(100, taken);
    }

    [Fact]
    public async Task Cancellation_StopsTheBatch()
    {
        using var cts = new CancellationTokenSource();
        var taken = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var report in Matcher.MatchManyAsync(Students(1_000_000), cancellationToken: cts.Token))
            {
                if (++taken == 10)
                {
                    await cts.CancelAsync();
                }
            }
        });
    }
}
