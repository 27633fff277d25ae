using Matcher.Portal.Data.Entities;
using Matcher.Portal.Infrastructure;
using Matcher.Portal.Services;
using Matcher.Portal.Students;
using Matcher.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Portal.Api;

/// <summary>The analyst dashboard's ranking metrics: nothing shown without outcomes, real metrics once there are enough.</summary>
public sealed class RankingMetricsTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    [Fact]
    public async Task Metrics_AppearOnceOutcomesAreRecorded()
    {
        var metrics = host.Factory.Services.GetRequiredService<RankingMetrics>();
        var (none, count) = await metrics.ComputeAsync(CancellationToken.None);
        Assert.Null(none);
        Assert.Equal(0, count);

        // Record the simulator's outcomes as if counselors had: students encrypted, outcomes by the host's ids.
        using var library = new ServiceCollection().AddScholarshipMatcher().Services.BuildServiceProvider();
        var simulated = Matcher.MLNet.Simulation.OutcomeSimulator.Simulate(library, new Matcher.MLNet.Simulation.OutcomeSimulationOptions { Students = 300 });
        var vault = host.Factory.Services.GetRequiredService<StudentVault>();
        var now = DateTimeOffset.UnixEpoch;
        await using (var db = host.CreateDbContext())
        {
            foreach (var student in simulated.GroupBy(o => o.Student.Id))
            {
                var id = Guid.NewGuid();
                db.Students.Add(new Student
                {
                    Id = id, ExternalId = student.Key, OwnerId = "counselor", Revision = 1, CreatedAt = now, UpdatedAt = now, ConsentAt = now, GuardianConsent = true,
                    ProfileCiphertext = vault.Protect(StudentProfileJson.Serialize(student.First().Student)),
                });
                foreach (var o in student)
                {
                    db.Outcomes.Add(new Outcome
                    {
                        StudentId = id, ScholarshipId = o.ScholarshipId, RecordedOn = o.RecordedOn, RecordedBy = "counselor", CreatedAt = now,
                        Status = Enum.Parse<OutcomeStatus>(o.Outcome.ToString()),
                    });
                }
            }

            await db.SaveChangesAsync();
        }

        var (report, outcomes) = await metrics.ComputeAsync(CancellationToken.None);
        Assert.Equal(simulated.Count, outcomes);
        Assert.NotNull(report);
        Assert.True(report.Queries > 0);
        Assert.InRange(report.Ndcg10, 0.0, 1.0);
        Assert.InRange(report.CatalogCoverage, 0.0, 1.0);
        Assert.NotEmpty(report.Fairness);
        Assert.Contains(report.Fairness, f => f.Attribute is "department" or "gender" or "nativeLanguage" or "schoolManagement");
    }
}
