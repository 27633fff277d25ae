using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Matcher.Testing.Fuzz;

/// <summary>
/// Generators of bad input for the readers and the API: random JSON trees, and real bodies mutated by bit flips,
/// truncation, type swaps, huge numbers, deep nesting, wrong encodings and duplicate keys. Every case is a pure
/// function of FsCheck's seed, so a failure is replayed from the seed it prints.
/// </summary>
internal static class BadInput
{
    /// <summary>Cases per target: the CI floor for every reader and endpoint.</summary>
    public const int CasesPerTarget = 10_000;

    private static readonly string[] Values =
    [
        "null", "true", "false", "0", "-0", "-1", "1.5", "1e309", "-1e309", "1e-400", "99999999999999999999999999999", "-9223372036854775809",
        "\"\"", "\"x\"", "\"   \"", "\"\\u0000\"", "\"\\ud800\"", "\"2025-02-30\"", "\"9999-12-31\"", "\"0001-01-01\"", "\"150101\"", "\"999999\"",
        "\"PE\"", "\"poor\"", "\"topThird\"", "\"ñandú\"", "[]", "{}", "[null]", "[[[[[[[[]]]]]]]]", "{\"\":{}}", "\"\\\"\"", "NaN", "Infinity",
    ];

    private static readonly string[] Keys =
    [
        "id", "nationality", "birthDate", "gender", "residenceUbigeo", "sisfoh", "basicEducation", "gradeAverage", "conditions", "extensions",
        "profile", "dni", "consent", "criteria", "type", "min", "max", "values", "", "__proto__", "$ref", "ID", "id ",
    ];

    /// <summary>A body for a target: a quarter random JSON trees, the rest mutations of one of the real seed bodies.</summary>
    public static Arbitrary<Case> Cases(params string[] seeds) => Cases(seeds.Select(s => Encoding.UTF8.GetBytes(s)).ToArray());

    /// <inheritdoc cref="Cases(string[])"/>
    public static Arbitrary<Case> Cases(byte[][] seeds) =>
        Gen.Frequency(
            [
                (1, JsonTree().Select(t => new Case("tree", Encoding.UTF8.GetBytes(t)))),
                (3, from seed in Gen.Elements(seeds) from random in Gen.Choose(0, int.MaxValue) from times in Gen.Choose(1, 4) select Mutate(seed, random, times)),
            ])
            .ToArbitrary();

    /// <summary>Random JSON documents: objects with known and odd keys, arrays, every kind of scalar, up to a few levels deep.</summary>
    public static Gen<string> JsonTree() => Gen.Sized(size => Tree(Math.Min(size / 20, 4)));

    /// <summary>Applies <paramref name="times"/> mutations chosen by <paramref name="seed"/> to a real body.</summary>
    public static Case Mutate(byte[] body, int seed, int times)
    {
        var random = new Random(seed);
        var bytes = body;
        var names = new List<string>();
        for (var i = 0; i < times; i++)
        {
            var (name, mutated) = MutateOnce(bytes, random);
            names.Add(name);
            bytes = mutated;
        }

        return new Case(string.Join('+', names), bytes);
    }

    private static Gen<string> Tree(int depth) =>
        depth <= 0
            ? Gen.Elements(Values)
            : Gen.Frequency(
            [
                (2, Gen.Elements(Values)),
                (2, Gen.ListOf(Gen.Zip(Gen.Elements(Keys), Tree(depth - 1))).Select(kv => "{" + string.Join(',', kv.Take(8).Select(p => Quote(p.Item1) + ":" + p.Item2)) + "}")),
                (1, Gen.ListOf(Tree(depth - 1)).Select(items => "[" + string.Join(',', items.Take(8)) + "]")),
            ]);

    private static (string Name, byte[] Bytes) MutateOnce(byte[] bytes, Random random)
    {
        if (bytes.Length == 0)
        {
            return ("insert", Encoding.UTF8.GetBytes(Values[random.Next(Values.Length)]));
        }

        var text = Encoding.UTF8.GetString(bytes);
        switch (random.Next(12))
        {
            case 0:
                {
                    var copy = (byte[])bytes.Clone();
                    copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                    return ("bitflip", copy);
                }

            case 1:
                return ("truncate", bytes[..random.Next(bytes.Length)]);
            case 2:
                {
                    var at = random.Next(text.Length);
                    return ("delete", Utf8(text.Remove(at, Math.Min(text.Length - at, 1 + random.Next(16)))));
                }

            case 3:
                return ("typeswap", Utf8(ReplaceValue(text, random, Values[random.Next(Values.Length)])));
            case 4:
                {
                    string[] huge = ["1e400", "-1e400", "123456789012345678901234567890123456789", "0.00000000000000000000000000000000000001", "2147483648", "-2147483649", "18446744073709551616", "1" + new string('0', 400)];
                    return ("hugenumber", Utf8(ReplaceValue(text, random, huge[random.Next(huge.Length)])));
                }

            case 5:
                {
                    var depth = random.Next(2) == 0 ? 64 + random.Next(64) : 1000 + random.Next(4000);
                    var open = random.Next(2) == 0 ? "[" : "{\"a\":";
                    var close = open == "[" ? "]" : "}";
                    var nested = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
                    return ("deepnesting", Utf8(ReplaceValue(text, random, nested)));
                }

            case 6:
                return random.Next(4) switch
                {
                    0 => ("utf16", Encoding.Unicode.GetBytes(text)),
                    1 => ("utf16be-bom", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)]),
                    2 => ("latin1", Encoding.Latin1.GetBytes(text.Replace("\"id\":", "\"id\":\"ñ\",\"x\":", StringComparison.Ordinal))),
                    _ => ("utf8-bom", [.. Encoding.UTF8.GetPreamble(), .. bytes]),
                };
            case 7:
                {
                    byte[][] invalid = [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0x00]];
                    var at = random.Next(bytes.Length);
                    return ("badutf8", [.. bytes[..at], .. invalid[random.Next(invalid.Length)], .. bytes[at..]]);
                }

            case 8:
                {
                    var brace = text.IndexOf('{', random.Next(text.Length));
                    if (brace < 0)
                    {
                        brace = text.IndexOf('{', StringComparison.Ordinal);
                    }

                    if (brace < 0)
                    {
                        goto case 3;
                    }

                    var key = Keys[random.Next(Keys.Length)];
                    var dup = Quote(key) + ":" + Values[random.Next(Values.Length)] + "," + Quote(key) + ":" + Values[random.Next(Values.Length)] + ",";
                    return ("duplicatekey", Utf8(text.Insert(brace + 1, dup)));
                }

            case 9:
                {
                    var big = "\"" + new string((char)('a' + random.Next(26)), 1000 + random.Next(200_000)) + "\"";
                    return ("hugestring", Utf8(ReplaceValue(text, random, big)));
                }

            case 10:
                {
                    var at = random.Next(text.Length);
                    var chars = "{}[],:\"\\ \n\t0-e.";
                    return ("insert", Utf8(text.Insert(at, chars[random.Next(chars.Length)].ToString())));
                }

            default:
                return ("wrap", Utf8(random.Next(3) switch
                {
                    0 => "[" + text + "]",
                    1 => text + text,
                    _ => "{\"x\":" + text + "}",
                }));
        }
    }

    /// <summary>Replaces the value after a random <c>:</c> (or the whole text when there is none) with <paramref name="value"/>.</summary>
    private static string ReplaceValue(string text, Random random, string value)
    {
        var colon = text.IndexOf(':', random.Next(text.Length));
        if (colon < 0)
        {
            colon = text.IndexOf(':', StringComparison.Ordinal);
        }

        if (colon < 0)
        {
            return value;
        }

        var start = colon + 1;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var end = ValueEnd(text, start);
        return string.Concat(text.AsSpan(0, start), value, text.AsSpan(end));
    }

    /// <summary>The end of the JSON value starting at <paramref name="start"/> (a best effort that stays in bounds).</summary>
    private static int ValueEnd(string text, int start)
    {
        if (start >= text.Length)
        {
            return text.Length;
        }

        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                    if (depth == 0)
                    {
                        return i + 1;
                    }
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    if (depth == 0)
                    {
                        return i;
                    }

                    depth--;
                    if (depth == 0)
                    {
                        return i + 1;
                    }

                    break;
                case ',' when depth == 0:
                    return i;
            }
        }

        return text.Length;
    }

    private static string Quote(string s) => "\"" + s.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}

/// <summary>One generated input: how it was made and its bytes.</summary>
/// <param name="Kind">The mutations applied (or <c>tree</c>).</param>
/// <param name="Bytes">The input.</param>
internal sealed record Case(string Kind, byte[] Bytes)
{
    /// <summary>The bytes as (lossy) text, for failure messages.</summary>
    public string Text => Encoding.UTF8.GetString(Bytes);

    /// <summary>A short description for failure labels.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Kind} ({Bytes.Length} bytes): {(Text.Length > 400 ? Text[..400] + "…" : Text)}");
}
