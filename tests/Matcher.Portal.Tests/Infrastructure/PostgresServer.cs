using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Matcher.Portal.Infrastructure;

/// <summary>
/// A real PostgreSQL server for the tests. CI starts one and passes its connection string in <c>MATCHER_PG</c>; on a
/// developer machine without it, a throwaway cluster is created with the Debian server binaries when they are
/// installed. With neither, the PostgreSQL tests fail with a message saying what to install: they never skip.
/// </summary>
internal static class PostgresServer
{
    private static readonly Lazy<string> Base = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A connection string to a new, empty database on the server.</summary>
    public static string NewDatabase()
    {
        var builder = new NpgsqlConnectionStringBuilder(Base.Value);
        var name = "matcher_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(builder.ConnectionString))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = $"CREATE DATABASE {name}";
            create.ExecuteNonQuery();
        }

        builder.Database = name;
        return builder.ConnectionString;
    }

    private static string Start()
    {
        if (Environment.GetEnvironmentVariable("MATCHER_PG") is { Length: > 0 } configured)
        {
            var b = new NpgsqlConnectionStringBuilder(configured) { Database = "postgres" };
            return b.ConnectionString;
        }

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException(
                "The PostgreSQL tests need a server: set MATCHER_PG to a connection string, or install Debian's postgresql package (apt-get install -y postgresql) so that a throwaway cluster can be started.");
        }

        var data = Directory.CreateTempSubdirectory("matcher-pg-").FullName;
        var port = FreePort();
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", $"postgres:postgres {data}");
        }

        RunPg(bin, asRoot, "initdb", $"-D {data} -U postgres -A trust -E UTF8 --no-locale");
        RunPg(bin, asRoot, "pg_ctl", $"-D {data} -l {data}/server.log -o \"-c listen_addresses=127.0.0.1 -p {port} -k {data}\" -w start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                RunPg(bin, asRoot, "pg_ctl", $"-D {data} -m immediate stop");
                Directory.Delete(data, recursive: true);
            }
            catch (InvalidOperationException)
            {
            }
            catch (IOException)
            {
            }
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    private static void RunPg(string bin, bool asRoot, string tool, string arguments)
    {
        if (asRoot)
        {
            Run("runuser", $"-u postgres -- {Path.Combine(bin, tool)} {arguments}");
        }
        else
        {
            Run(Path.Combine(bin, tool), arguments);
        }
    }

    private static void Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"Could not start {file}.");
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed: {stderr.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
