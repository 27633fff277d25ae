using System.CommandLine;
using System.Globalization;
using Matcher.Catalog;
using Matcher.Matching;
using Matcher.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Cli.Commands;

/// <summary>Reading common options and building the matcher for a command.</summary>
internal static class CommandSupport
{
    public static DateOnly? ParseDate(string? text, CultureInfo culture)
    {
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new UsageException(CliText.Get("err.date", culture, ("value", text)));
    }

    public static bool UseJson(ParseResult parse, CommonOptions common, CliContext context)
    {
        var format = parse.GetValue(common.Format);
        return format switch
        {
            null => !context.OutputIsTerminal,
            "json" => true,
            "table" => false,
            _ => throw new UsageException(CliText.Get("err.format", context.Culture, ("value", format))),
        };
    }

    /// <summary>Builds the matcher through the same DI registration an embedding application uses, and loads the catalog.</summary>
    public static ServiceProvider BuildServices(string? catalogDirectory, CliContext context)
    {
        if (catalogDirectory is not null && !Directory.Exists(catalogDirectory))
        {
            throw new UsageException(MessageFor("catalog.directory-not-found", catalogDirectory, context.Culture));
        }

        var provider = new ServiceCollection()
            .AddScholarshipMatcher(o => o.CatalogDirectory = catalogDirectory)
            .Services
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        try
        {
            _ = provider.GetRequiredService<ICatalogProvider>().Current;
        }
        catch (MatcherInputException ex)
        {
            provider.Dispose();
            throw new UsageException(CliText.Get("err.invalid-catalog", context.Culture) + Environment.NewLine + ex.Describe(context.Culture));
        }

        return provider;
    }

    public static MatchRequest Request(DateOnly? date, int? top, bool all, CultureInfo culture) => new()
    {
        AsOf = date,
        Top = top,
        IncludeIneligible = all,
        Language = culture.TwoLetterISOLanguageName,
    };

    public static FileStream OpenInput(string path, CultureInfo culture)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        }
        catch (FileNotFoundException)
        {
            throw new UsageException(CliText.Get("err.file-not-found", culture, ("path", path)));
        }
        catch (DirectoryNotFoundException)
        {
            throw new UsageException(CliText.Get("err.file-not-found", culture, ("path", path)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(CliText.Get("err.file-unreadable", culture, ("path", path), ("detail", ex.Message)));
        }
    }

    /// <summary>Reads and validates one profile file; every problem is reported as a usage error (exit code 2).</summary>
    public static Students.StudentProfile ReadProfile(string path, CultureInfo culture)
    {
        byte[] bytes;
        using (var stream = OpenInput(path, culture))
        using (var memory = new MemoryStream())
        {
            stream.CopyTo(memory);
            bytes = memory.ToArray();
        }

        if (!StudentProfileJson.TryParse(bytes, out var profile, out var errors, path))
        {
            throw new UsageException(CliText.Get("err.invalid-profile", culture, ("path", path)) + Environment.NewLine
                + string.Join(Environment.NewLine, errors.Select(e => "  " + e.Describe(culture))));
        }

        return profile;
    }

    private static string MessageFor(string code, string value, CultureInfo culture) =>
        new InputError("$", code, new Dictionary<string, object?> { ["value"] = value }).Message(culture);
}
