using Stabsrum.Features.CallOut;

namespace Stabsrum.Tests.CallOut;

public sealed class SmsReplyParserTests
{
    [Theory]
    [InlineData("1", AnswerResponse.Kommer, null)]
    [InlineData("JA", AnswerResponse.Kommer, null)]
    [InlineData("JA 20", AnswerResponse.Kommer, 20)]
    [InlineData("ja, 15 min", AnswerResponse.Kommer, 15)]
    [InlineData("Ja 15min", AnswerResponse.Kommer, 15)]
    [InlineData("  ja.   ", AnswerResponse.Kommer, null)]
    [InlineData("1 20", AnswerResponse.Kommer, 20)]
    [InlineData("1, 30 minutter", AnswerResponse.Kommer, 30)]
    [InlineData("kommer om 25 min", AnswerResponse.Kommer, 25)]
    [InlineData("ja 1 time", AnswerResponse.Kommer, 60)]
    [InlineData("ja 2t", AnswerResponse.Kommer, 120)]
    [InlineData("Ja tak, ca 10 min", AnswerResponse.Kommer, 10)]
    [InlineData("2", AnswerResponse.KanIkke, null)]
    [InlineData("NEJ", AnswerResponse.KanIkke, null)]
    [InlineData("nej tak", AnswerResponse.KanIkke, null)]
    [InlineData("Kan ikke", AnswerResponse.KanIkke, null)]
    [InlineData("kan ikke!", AnswerResponse.KanIkke, null)]
    public void Reads_the_answers_people_send(string text, AnswerResponse expected, int? eta)
    {
        var parsed = SmsReplyParser.Parse(text);
        Assert.Equal(expected, parsed.Response);
        Assert.Equal(eta, parsed.EtaMinutes);
        Assert.Null(parsed.Problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("måske")]
    [InlineData("20")]
    [InlineData("ja nej")]
    [InlineData("nej 20")]
    [InlineData("ja 20 30")]
    [InlineData("ring til mig")]
    [InlineData("ja men først kl 8")]
    [InlineData("ja 99999")]
    [InlineData("ja 3000")]
    [InlineData("ja 20 km")]
    [InlineData("3")]
    [InlineData("jaaa")]
    public void Unknown_replies_are_never_guessed(string? text)
    {
        var parsed = SmsReplyParser.Parse(text);
        Assert.Equal(AnswerResponse.Ukendt, parsed.Response);
        Assert.Null(parsed.EtaMinutes);
        Assert.False(string.IsNullOrEmpty(parsed.Problem));
    }
}
