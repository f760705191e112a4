using Followthrough.Tests.Infrastructure;
using System.Text.Json;
using Followthrough.Directives.Extraction;

namespace Followthrough.Tests.Directives.Extraction;

/// <summary>The JSON that `followthrough extract --format json` prints, which other tools rely on.</summary>
public sealed class JsonContractTests
{
    private const string Record = "会议纪要\n\n会议要求，市发改委要在6月底前完成项目清单梳理，有关部门配合。会议听取了汇报。\nThe Municipal Finance Bureau shall release the funds as soon as possible.";

    [Fact]
    public void EachDirective_HasExactlyTheContractKeys_InOrder()
    {
        using var json = JsonDocument.Parse(DirectiveJson.Serialize(Extraction.Extract(Record).Directives));

        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        Assert.Equal(2, json.RootElement.GetArrayLength());
        foreach (var directive in json.RootElement.EnumerateArray())
        {
            Assert.Equal(["text", "start", "end", "actors", "deadline", "topics"], directive.EnumerateObject().Select(p => p.Name).ToArray());
            foreach (var actor in directive.GetProperty("actors").EnumerateArray())
            {
                Assert.Equal(["text", "start", "end", "unit"], actor.EnumerateObject().Select(p => p.Name).ToArray());
            }

            var deadline = directive.GetProperty("deadline");
            if (deadline.ValueKind == JsonValueKind.Object)
            {
                Assert.Equal(["text", "start", "end", "date"], deadline.EnumerateObject().Select(p => p.Name).ToArray());
            }

            Assert.All(directive.GetProperty("topics").EnumerateArray(), t => Assert.Equal(JsonValueKind.String, t.ValueKind));
        }
    }

    [Fact]
    public void Values_AreTheWordsTheirOffsetsCodesAndIsoDates()
    {
        using var json = JsonDocument.Parse(DirectiveJson.Serialize(Extraction.Extract(Record).Directives));
        var first = json.RootElement[0];
        var second = json.RootElement[1];

        Assert.Equal("会议要求，市发改委要在6月底前完成项目清单梳理，有关部门配合。", first.GetProperty("text").GetString());
        Assert.Equal(6, first.GetProperty("start").GetInt32());
        Assert.Equal(37, first.GetProperty("end").GetInt32());
        Assert.Equal("DL-DRC", first.GetProperty("actors")[0].GetProperty("unit").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("actors")[1].GetProperty("unit").ValueKind);
        Assert.Equal("2021-06-30", first.GetProperty("deadline").GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("deadline").GetProperty("date").ValueKind);
        Assert.Equal("as soon as possible", second.GetProperty("deadline").GetProperty("text").GetString());
    }

    [SharedFolderFact]
    public void EveryOffset_SlicesExactlyTheWordsGiven_OnTheWholeLabelledSet()
    {
        foreach (var document in Extraction.Seeds().Concat(Extraction.Samples()))
        {
            using var json = JsonDocument.Parse(DirectiveJson.Serialize(Extraction.Extractor.Extract(document.Text, document.Date).Directives));
            var previousEnd = 0;
            foreach (var directive in json.RootElement.EnumerateArray())
            {
                AssertSlice(document.Text, directive);
                Assert.True(directive.GetProperty("start").GetInt32() >= previousEnd, document.Name);
                previousEnd = directive.GetProperty("end").GetInt32();
                foreach (var actor in directive.GetProperty("actors").EnumerateArray())
                {
                    AssertSlice(document.Text, actor);
                }

                if (directive.GetProperty("deadline") is { ValueKind: JsonValueKind.Object } deadline)
                {
                    AssertSlice(document.Text, deadline);
                }
            }
        }
    }

    [Fact]
    public void NoDirectives_IsAnEmptyArray()
    {
        Assert.Equal("[]", DirectiveJson.Serialize([]));
    }

    [Fact]
    public void LoneSurrogates_AreEscapedNotChanged()
    {
        var text = "We must fix \ud800 this by June.";
        var result = Extraction.Extract(text, DocumentLanguage.English);

        using var json = JsonDocument.Parse(DirectiveJson.Serialize(result.Directives));

        Assert.Contains("\\ud800", DirectiveJson.Serialize(result.Directives), StringComparison.Ordinal);
        Assert.Equal(text.Length, json.RootElement[0].GetProperty("end").GetInt32());
    }

    private static void AssertSlice(string text, JsonElement element)
    {
        var start = element.GetProperty("start").GetInt32();
        var end = element.GetProperty("end").GetInt32();
        Assert.Equal(text[start..end], element.GetProperty("text").GetString());
    }
}
