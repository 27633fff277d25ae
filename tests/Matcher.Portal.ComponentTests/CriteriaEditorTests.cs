using System.Text.Json.Nodes;
using Bunit;
using Matcher.Portal.Components.Shared;
using Matcher.Portal.Services;
using Matcher.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace Matcher.Portal.ComponentTests;

public sealed class CriteriaEditorTests
{
    private const string Criteria = """
        [
          { "type": "age", "lessThan": 22, "exemptIfDisability": true, "note": "Bases 2026" },
          { "type": "sisfoh", "in": ["extremePoor", "poor"] },
          { "type": "anyOf", "id": "secondary-school", "criteria": [
              { "type": "basicEducation", "modalities": ["ebr", "eba"], "statuses": ["inLastGrade", "graduated"] },
              { "type": "basicEducation", "modalities": ["ebe"], "statuses": ["graduated"] } ] }
        ]
        """;

    [Fact]
    public void Criteria_round_trip_unchanged_including_nested_and_unshown_fields()
    {
        var original = JsonNode.Parse(Criteria)!.AsArray();
        var model = CriteriaEditorModel.FromJson(original);
        Assert.Equal(3, model.Rows.Count);
        Assert.NotNull(model.Rows[2].Kept);
        Assert.True(JsonNode.DeepEquals(original, model.ToJson()), model.ToJson().ToJsonString());
    }

    [Fact]
    public void Edited_fields_are_written_with_their_types_and_the_catalog_accepts_them()
    {
        var model = CriteriaEditorModel.FromJson(JsonNode.Parse(Criteria)!.AsArray());
        model.Rows[0].Numbers["lessThan"] = 25;
        model.Rows[1].Lists["in"] = ["extremePoor"];
        model.Rows[1].Flags["requireValid"] = false;
        var income = model.Add("income");
        income.Numbers["atMost"] = 1025.5;
        var json = model.ToJson();
        Assert.Equal(25, json[0]!["lessThan"]!.GetValue<int>());
        Assert.Equal("Bases 2026", json[0]!["note"]!.GetValue<string>());
        Assert.False(json[1]!["requireValid"]!.GetValue<bool>());
        Assert.Equal(1025.5, json[3]!["atMost"]!.GetValue<double>());

        var draft = CallDraft.New("PRONABEC", 2027);
        draft.Criteria.Rows.AddRange(model.Rows);
        var scholarship = ScholarshipJson.Parse(draft.ToJson());
        Assert.Equal(4, scholarship.Criteria.Count);
        Assert.Equal(["age", "sisfoh", "secondary-school", "income"], scholarship.Criteria.Select(c => c.Key).ToArray());
    }

    [Fact]
    public void Validation_names_the_common_mistakes()
    {
        var model = new CriteriaEditorModel();
        model.Add("age");
        var sisfoh = model.Add("sisfoh");
        model.Add("sisfoh");
        var problems = model.Validate(english: true).Select(p => p.Message).ToList();
        Assert.Contains(problems, p => p.Contains("Age: give at least one bound", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("choose classifications", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("key 'sisfoh'", StringComparison.Ordinal));

        model.Rows[0].Numbers["atMost"] = 21;
        model.Rows[0].Numbers["lessThan"] = 22;
        Assert.Contains(model.Validate(english: false), p => p.Message.Contains("no ambas", StringComparison.Ordinal));
        _ = sisfoh;
    }

    [Fact]
    public void Renewing_a_call_moves_it_to_next_year_without_dates()
    {
        var draft = CallDraft.New("PRONABEC", 2026);
        draft.Id = "beca-x-2026";
        draft.Closes = new DateTime(2026, 10, 14, 0, 0, 0, DateTimeKind.Unspecified);
        var next = draft.Renew();
        Assert.Equal("beca-x-2027", next.Id);
        Assert.Equal(2027, next.Convocatoria);
        Assert.Null(next.Closes);
        Assert.Equal(new DateTime(2026, 10, 14, 0, 0, 0, DateTimeKind.Unspecified), draft.Closes);
    }

    [Fact]
    public void Editor_renders_a_card_per_criterion_and_removing_one_updates_the_model()
    {
        using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddRadzenComponents();
        var model = CriteriaEditorModel.FromJson(JsonNode.Parse(Criteria)!.AsArray());
        var changes = 0;
        var cut = ctx.Render<CriteriaEditor>(p => p.Add(x => x.Model, model).Add(x => x.Changed, () => changes++));
        Assert.Equal(3, cut.FindAll(".criterion-row").Count);
        Assert.Contains("Requisito compuesto", cut.Markup, StringComparison.Ordinal);

        cut.FindAll(".remove-criterion")[0].Click();
        Assert.Equal(2, model.Rows.Count);
        Assert.Equal("sisfoh", model.Rows[0].Type);
        Assert.Equal(1, changes);
        Assert.Equal(2, cut.FindAll(".criterion-row").Count);
    }
}
