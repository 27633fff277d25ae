using System.CommandLine;
using System.Globalization;
using Matcher.Catalog;
using Matcher.Serialization;

namespace Matcher.Cli.Commands;

/// <summary><c>matcher catalog validate [--catalog DIR]</c>.</summary>
internal static class CatalogCommand
{
    public static Command Create(CliContext context, CommonOptions common)
    {
        var culture = context.Culture;
        var validate = new Command("validate", CliText.Get("catalog.validate.description", culture)) { common.Catalog, common.Lang };
        validate.SetAction((parse, ct) => ValidateAsync(parse, common, context, ct));
        return new Command("catalog", CliText.Get("catalog.description", culture)) { validate };
    }

    private static async Task<int> ValidateAsync(ParseResult parse, CommonOptions common, CliContext context, CancellationToken cancellationToken)
    {
        var culture = context.Culture;
        var dir = parse.GetValue(common.Catalog);
        IReadOnlyList<CatalogFile> files;
        if (dir is null)
        {
            files = CatalogFiles.Embedded();
        }
        else
        {
            try
            {
                files = await CatalogFiles.ReadDirectoryAsync(dir, cancellationToken).ConfigureAwait(false);
            }
            catch (MatcherInputException ex)
            {
                throw new UsageException(ex.Describe(culture));
            }
        }

        var (snapshot, errors) = CatalogLoader.Validate(files);
        if (snapshot is null)
        {
            context.Error.WriteLine(CliText.Get("err.invalid-catalog", culture));
            foreach (var error in errors)
            {
                context.Error.WriteLine("  " + error.Describe(culture));
            }

            return ExitCodes.InvalidRows;
        }

        context.Output.WriteLine(CliText.Get("catalog.valid", culture, ("version", snapshot.Version), ("count", snapshot.Scholarships.Count.ToString(CultureInfo.InvariantCulture))));
        return ExitCodes.Success;
    }
}
