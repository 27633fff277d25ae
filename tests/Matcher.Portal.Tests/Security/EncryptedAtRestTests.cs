using System.Text;
using Matcher.Portal.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Matcher.Portal.Security;

/// <summary>
/// After a full flow, the raw SQLite files (main and write-ahead log) hold no DNI, birth date, income, condition flag,
/// name or free text of a student in plaintext.
/// </summary>
public sealed class SqliteEncryptedAtRestTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    [Fact]
    public async Task RawDatabaseFiles_HoldNoPersonalDataInPlaintext()
    {
        await PersonalDataFlow.RunAsync(host);

        var files = new[] { host.FilePath, host.FilePath + "-wal", host.FilePath + "-journal" }.Where(File.Exists).ToList();
        var bytes = files.Select(ReadShared).ToList();

        // The reader sees the data: the profile's own id (not personal data by contract) is stored as it is.
        Assert.Contains(bytes, b => IndexOf(b, Encoding.UTF8.GetBytes(PersonalDataFlow.ExternalId)) >= 0);
        var found = PersonalDataFlow.Secrets
            .SelectMany(secret => files.Zip(bytes).Where(f => IndexOf(f.Second, Encoding.UTF8.GetBytes(secret)) >= 0).Select(f => $"'{secret}' in {Path.GetFileName(f.First)}"))
            .ToList();
        Assert.True(found.Count == 0, "Plaintext personal data in the SQLite files: " + string.Join(", ", found));
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    internal static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}

/// <summary>After a full flow, no text, JSON or bytea column of any table on PostgreSQL holds a student's data in plaintext.</summary>
public sealed class PostgresEncryptedAtRestTests(PostgresHost host) : IClassFixture<PostgresHost>
{
    [Fact]
    public async Task EveryTextAndByteaColumn_HoldsNoPersonalDataInPlaintext()
    {
        await PersonalDataFlow.RunAsync(host);

        await using var connection = new NpgsqlConnection(host.Database);
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column, string Type)>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = """
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb', 'xml')
                ORDER BY table_name, column_name
                """;
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        Assert.Contains(columns, c => c is { Table: "Students", Column: "ProfileCiphertext" });
        var found = new List<string>();
        var sawExternalId = false;
        foreach (var (table, column, type) in columns)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT \"{column}\"{(type is "json" or "jsonb" or "xml" ? "::text" : "")} FROM \"{table}\" WHERE \"{column}\" IS NOT NULL";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var text = reader.GetValue(0) switch
                {
                    byte[] b => Encoding.UTF8.GetString(b),
                    var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "",
                };
                sawExternalId |= text.Contains(PersonalDataFlow.ExternalId, StringComparison.Ordinal);
                found.AddRange(PersonalDataFlow.Secrets.Where(s => text.Contains(s, StringComparison.Ordinal)).Select(s => $"'{s}' in {table}.{column}"));
            }
        }

        Assert.True(sawExternalId, "the scan reads the rows: the profile's own id (not personal data by contract) should be seen");
        Assert.True(found.Count == 0, "Plaintext personal data on PostgreSQL: " + string.Join(", ", found.Distinct()));
    }
}
