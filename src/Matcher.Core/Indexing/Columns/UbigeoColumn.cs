using Matcher.Eligibility.Criteria;
using Matcher.Geography;
using Matcher.Students;

namespace Matcher.Indexing.Columns;

/// <summary>
/// Areas (departments, provinces, districts) of one fact (residence or school): one bitset per area code used holds the
/// members that accept it, so a district passes the members accepting its department, its province or itself.
/// </summary>
internal sealed class UbigeoColumn : IndexColumn
{
    private readonly UbigeoFact _fact;
    private readonly MemberSet _has;
    private readonly Dictionary<int, MemberSet> _departments = [];
    private readonly Dictionary<int, MemberSet> _provinces = [];
    private readonly Dictionary<int, MemberSet> _districts = [];

    public UbigeoColumn(UbigeoFact fact, IReadOnlyList<(int Member, UbigeoCriterion Criterion)> members, int bits)
    {
        _fact = fact;
        _has = new MemberSet(bits);
        foreach (var (member, criterion) in members)
        {
            _has.Add(member);
            foreach (var area in criterion.In)
            {
                var sets = area.Digits switch { 2 => _departments, 4 => _provinces, _ => _districts };
                if (!sets.TryGetValue(area.Code, out var set))
                {
                    set = new MemberSet(bits);
                    sets[area.Code] = set;
                }

                set.Add(member);
            }
        }
    }

    public override string Name => _fact == UbigeoFact.Residence ? "ubigeo.residence" : "ubigeo.school";

    public override int MemberCount => _has.Count;

    public override (int Runs, int Words) Extent => (_has.Runs.Length, _has.Runs.Sum(r => r.Length));

    public override long Bytes => _has.Bytes + _departments.Values.Concat(_provinces.Values).Concat(_districts.Values).Sum(s => s.Bytes);

    public override void Apply(StudentProfile student, DateOnly asOf, Span<ulong> fails, Span<ulong> unknown, Span<ulong> scratch)
    {
        var value = _fact == UbigeoFact.Residence ? student.ResidenceUbigeo : student.BasicEducation?.SchoolUbigeo;
        if (value is not { } u)
        {
            BitKernels.Or(unknown, _has.Bits, _has.Runs);
            return;
        }

        // scratch := members accepting the district, within this column's runs; then fails |= members & ~scratch.
        foreach (var r in _has.Runs)
        {
            scratch.Slice(r.Start, r.Length).Clear();
        }

        if (_departments.TryGetValue(u.DepartmentCode, out var department))
        {
            BitKernels.Or(scratch, department.Bits, _has.Runs);
        }

        if (_provinces.TryGetValue(u.ProvinceCode, out var province))
        {
            BitKernels.Or(scratch, province.Bits, _has.Runs);
        }

        if (_districts.TryGetValue(u.Value, out var district))
        {
            BitKernels.Or(scratch, district.Bits, _has.Runs);
        }

        BitKernels.OrAndNot(fails, _has.Bits, scratch, _has.Runs);
    }
}
