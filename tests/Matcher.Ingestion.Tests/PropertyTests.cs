using System.Net;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Matcher.Ingestion.Changes;
using Matcher.Ingestion.Fetching;
using Matcher.Ingestion.Text;

namespace Matcher.Ingestion;

public class PropertyTests
{
    private static readonly string[] Words = ["Beca", "18", "&amp;", "&lt;b&gt;", "&#233;", "e\u0301", "\u00A0", "\t", "\r\n", "\n\n", "  ", "© 2025", "Síguenos en", "hasta el 5 de octubre", "ñandú", "\u200B", "&amp;amp;", "x"];

    private static Gen<string> Texts() => Gen.Elements(Words).ListOf().Select(parts => string.Concat(parts));

    [Property(MaxTest = 500)]
    public Property Normalize_IsIdempotent() =>
        Prop.ForAll(Texts().ToArbitrary(), text => TextNormalizer.Normalize(TextNormalizer.Normalize(text)) == TextNormalizer.Normalize(text));

    [Property(MaxTest = 500)]
    public Property Hash_IsStable_UnderWhiteSpaceChanges() =>
        Prop.ForAll(
            Gen.Elements("Beca", "18", "vacantes", "octubre", "2025", "ñandú").ListOf().Where(l => l.Count > 0).ToArbitrary(),
            Gen.Elements(" ", "  ", "\t", "\u00A0", " \u200B ").ListOf().ToArbitrary(),
            (words, spaces) =>
            {
                var plain = string.Join(' ', words);
                var spaced = string.Concat(words.Select((w, i) => (i < spaces.Count ? spaces[i] : " ") + w)) + "  ";
                return ContentHash.Of(plain) == ContentHash.Of(spaced) && ContentHash.Of(plain) == ContentHash.OfNormalized(TextNormalizer.Normalize(plain));
            });

    [Property(MaxTest = 300)]
    public Property Diff_OfACallWithItself_IsEmpty() =>
        Prop.ForAll(Calls().ToArbitrary(), call => CallDiff.Compare(call, (JsonObject)call.DeepClone()).Count == 0);

    [Property(MaxTest = 300)]
    public Property Diff_SeesEveryDeadlineMove() =>
        Prop.ForAll(Calls().ToArbitrary(), Gen.Choose(1, 60).ToArbitrary(), (call, days) =>
        {
            var moved = (JsonObject)call.DeepClone();
            var closes = DateOnly.Parse(call["call"]!["closes"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).AddDays(days);
            moved["call"]!["closes"] = closes.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var change = CallDiff.Compare(call, moved).Single();
            return change.Path == "$.call.closes" && change.Kind == FieldChangeKind.Changed;
        });

    [Property(MaxTest = 1000)]
    public Property PrivateV4_IsNeverAllowed_EvenWithLoopbackAllowed() =>
        Prop.ForAll(
            Gen.OneOf(
                Gen.Choose(0, 255).ArrayOf(3).Select(b => new byte[] { 10, (byte)b[0], (byte)b[1], (byte)b[2] }),
                Gen.Choose(0, 255).ArrayOf(2).Select(b => new byte[] { 192, 168, (byte)b[0], (byte)b[1] }),
                Gen.Choose(16, 31).SelectMany(x => Gen.Choose(0, 255).ArrayOf(2).Select(b => new byte[] { 172, (byte)x, (byte)b[0], (byte)b[1] })),
                Gen.Choose(64, 127).SelectMany(x => Gen.Choose(0, 255).ArrayOf(2).Select(b => new byte[] { 100, (byte)x, (byte)b[0], (byte)b[1] })),
                Gen.Choose(0, 255).ArrayOf(2).Select(b => new byte[] { 169, 254, (byte)b[0], (byte)b[1] }),
                Gen.Choose(224, 255).SelectMany(x => Gen.Choose(0, 255).ArrayOf(3).Select(b => new byte[] { (byte)x, (byte)b[0], (byte)b[1], (byte)b[2] })),
                Gen.Choose(0, 255).ArrayOf(3).Select(b => new byte[] { 0, (byte)b[0], (byte)b[1], (byte)b[2] })).ToArbitrary(),
            bytes =>
            {
                var v4 = new IPAddress(bytes);
                return !AddressClassifier.IsAllowed(v4, allowLoopback: true) && !AddressClassifier.IsAllowed(v4.MapToIPv6(), allowLoopback: true);
            });

    [Property(MaxTest = 1000)]
    public Property MappedV6_IsJudgedLikeItsV4() =>
        Prop.ForAll(Gen.Choose(0, 255).ArrayOf(4).ToArbitrary(), b =>
        {
            var v4 = new IPAddress(b.Select(x => (byte)x).ToArray());
            return AddressClassifier.Classify(v4) == AddressClassifier.Classify(v4.MapToIPv6());
        });

    [Property(MaxTest = 1000)]
    public Property UniqueLocalAndLinkLocalV6_AreNeverAllowed() =>
        Prop.ForAll(Gen.Choose(0, 255).ArrayOf(16).ToArbitrary(), Gen.Elements(0xfc, 0xfd, 0xfe).ToArbitrary(), (b, first) =>
        {
            var bytes = b.Select(x => (byte)x).ToArray();
            bytes[0] = (byte)first;
            if (first == 0xfe)
            {
                bytes[1] = (byte)(0x80 | (bytes[1] & 0x3f));
            }

            return !AddressClassifier.IsAllowed(new IPAddress(bytes), allowLoopback: true);
        });

    [Fact]
    public void Classifier_KnownAddresses()
    {
        Assert.Equal(AddressRange.Public, AddressClassifier.Classify(IPAddress.Parse("8.8.8.8")));
        Assert.Equal(AddressRange.Public, AddressClassifier.Classify(IPAddress.Parse("2800:200::1")));
        Assert.Equal(AddressRange.Loopback, AddressClassifier.Classify(IPAddress.Parse("127.0.0.1")));
        Assert.Equal(AddressRange.Loopback, AddressClassifier.Classify(IPAddress.Parse("::1")));
        Assert.Equal(AddressRange.Loopback, AddressClassifier.Classify(IPAddress.Parse("::ffff:127.0.0.1")));
        Assert.Equal(AddressRange.Unspecified, AddressClassifier.Classify(IPAddress.Parse("::")));
        Assert.Equal(AddressRange.Private, AddressClassifier.Classify(IPAddress.Parse("64:ff9b::10.1.2.3")));
        Assert.Equal(AddressRange.Private, AddressClassifier.Classify(IPAddress.Parse("2002:c0a8:0101::1")));
        Assert.Equal(AddressRange.Reserved, AddressClassifier.Classify(IPAddress.Parse("2001:db8::1")));
        Assert.True(AddressClassifier.IsAllowed(IPAddress.Loopback, allowLoopback: true));
        Assert.False(AddressClassifier.IsAllowed(IPAddress.Loopback, allowLoopback: false));
    }

    private static Gen<JsonObject> Calls() =>
        from closes in Gen.Choose(0, 400)
        from vacancies in Gen.Choose(0, 20000)
        from age in Gen.Choose(16, 40)
        from withRank in Gen.Elements(true, false)
        select new JsonObject
        {
            ["id"] = "beca-x-2026",
            ["call"] = new JsonObject { ["closes"] = new DateOnly(2025, 1, 1).AddDays(closes).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
            ["vacancies"] = vacancies,
            ["criteria"] = withRank
                ? new JsonArray(new JsonObject { ["type"] = "age", ["lessThan"] = age }, new JsonObject { ["type"] = "academicRank", ["level"] = "basic", ["atLeast"] = "topThird" })
                : new JsonArray(new JsonObject { ["type"] = "age", ["lessThan"] = age }),
        };
}
