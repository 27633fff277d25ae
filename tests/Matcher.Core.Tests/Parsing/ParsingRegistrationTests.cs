using Matcher.Letters;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Parsing;

public class ParsingRegistrationTests
{
    private sealed class CustomCallParser : IScholarshipCallParser
    {
        public Task<ParseResult<ScholarshipDraft>> ParseAsync(string text, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ParseResult<ScholarshipDraft>(new ScholarshipDraft { Name = text }, [], [], new ParseProvenance("custom", null, "1")));
    }

    [Fact]
    public async Task AddScholarshipMatcher_RegistersTheOfflineParsersAndLetterWriter()
    {
        using var sp = new ServiceCollection().AddScholarshipMatcher().Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var call = await sp.GetRequiredService<IScholarshipCallParser>().ParseAsync("Beca X\nSer peruano.");
        Assert.Equal("offline", call.Provenance.Parser);
        Assert.Equal("offline", (await sp.GetRequiredService<IStudentProfileParser>().ParseAsync("Soy peruano.")).Provenance.Parser);
        Assert.NotNull(sp.GetRequiredService<IMatchLetterWriter>());
        Assert.Same(sp.GetRequiredService<IScholarshipCallParser>(), sp.GetRequiredService<IScholarshipCallParser>());
    }

    [Fact]
    public async Task UseCallParser_ReplacesTheDefault_EvenWhenAddedAgain()
    {
        var services = new ServiceCollection();
        services.AddScholarshipMatcher().UseCallParser<CustomCallParser>();
        services.AddScholarshipMatcher();
        Assert.Single(services, d => d.ServiceType == typeof(IScholarshipCallParser));
        using var sp = services.BuildServiceProvider();
        Assert.Equal("custom", (await sp.GetRequiredService<IScholarshipCallParser>().ParseAsync("x")).Provenance.Parser);
    }
}
