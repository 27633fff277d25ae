using Matcher.Letters;
using Matcher.Parsing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Matcher;

/// <summary>Replaces the offline text parsers and letter writer registered by <c>AddScholarshipMatcher</c>.</summary>
public static class ParsingBuilderExtensions
{
    /// <summary>Replaces the scholarship-call parser.</summary>
    /// <typeparam name="TParser">The parser; a thread-safe singleton.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IMatcherBuilder UseCallParser<TParser>(this IMatcherBuilder builder)
        where TParser : class, IScholarshipCallParser
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAll<IScholarshipCallParser>();
        builder.Services.AddSingleton<IScholarshipCallParser, TParser>();
        return builder;
    }

    /// <summary>Replaces the student self-description parser.</summary>
    /// <typeparam name="TParser">The parser; a thread-safe singleton.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IMatcherBuilder UseStudentParser<TParser>(this IMatcherBuilder builder)
        where TParser : class, IStudentProfileParser
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAll<IStudentProfileParser>();
        builder.Services.AddSingleton<IStudentProfileParser, TParser>();
        return builder;
    }

    /// <summary>Replaces the letter writer.</summary>
    /// <typeparam name="TWriter">The writer; a thread-safe singleton.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IMatcherBuilder UseLetterWriter<TWriter>(this IMatcherBuilder builder)
        where TWriter : class, IMatchLetterWriter
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAll<IMatchLetterWriter>();
        builder.Services.AddSingleton<IMatchLetterWriter, TWriter>();
        return builder;
    }
}
