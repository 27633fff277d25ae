using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Matcher.Letters;
using Matcher.Letters.Internal;
using Matcher.Matching;

namespace Matcher.Parsing;

public class LettersTests
{
    private static IScholarshipMatcher Matcher => TestCatalog.Matcher;

    [Theory]
    [InlineData(LetterLanguage.Spanish, "Puedes postular")]
    [InlineData(LetterLanguage.Quechua, "postulayta atinki")]
    public async Task OfflineLetter_RetellsTheReport_WithoutAddingFacts(LetterLanguage language, string phrase)
    {
        var report = Matcher.Match(TestProfiles.Huancavelica, new MatchRequest { AsOf = new DateOnly(2025, 9, 20) });
        var letter = await new OfflineMatchLetterWriter().WriteAsync(report, language);
        Assert.Contains(phrase, letter.Text, StringComparison.Ordinal);
        Assert.Contains(report.Matches[0].Name, letter.Text, StringComparison.Ordinal);
        Assert.Empty(LetterFactCheck.FindUnsupported(letter.Text, report));
        Assert.Equal("offline", letter.Provenance.Parser);
    }

    [Fact]
    public async Task FactCheck_FindsInventedNumbersAndScholarships()
    {
        var report = Matcher.Match(TestProfiles.Huancavelica, new MatchRequest { AsOf = new DateOnly(2025, 9, 20) });
        var unsupported = LetterFactCheck.FindUnsupported("Puedes postular a la Beca Presidente de la República, que paga S/ 1 234 al mes, y a la " + report.Matches[0].Name + ".", report);
        Assert.Equal(["1 234", "Beca Presidente de la República"], unsupported);
    }

    [Property(MaxTest = 40)]
    public Property OfflineLetters_PassTheFactCheck_ForAnyProfile()
    {
        return Prop.ForAll(Gen.Choose(0, 100_000).ToArbitrary(), seed =>
        {
            var profile = Properties.Completion.Partial(new Random(seed), 0.3);
            var report = Matcher.Match(profile, new MatchRequest { AsOf = new DateOnly(2025, 9, 20) });
            return Enum.GetValues<LetterLanguage>().All(l => LetterFactCheck.FindUnsupported(OfflineMatchLetterWriter.Write(report, l), report).Count == 0);
        });
    }
}
