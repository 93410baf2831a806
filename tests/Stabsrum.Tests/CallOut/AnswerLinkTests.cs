using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using Stabsrum.Features.CallOut;

namespace Stabsrum.Tests.CallOut;

public sealed class AnswerLinkTests
{
    private static readonly EphemeralDataProtectionProvider Keys = new EphemeralDataProtectionProvider();

    [Fact]
    public void A_link_names_its_recipient_until_it_expires()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 3, 0, 0, TimeSpan.Zero));
        var links = new AnswerLinks(Keys, clock);
        var recipient = Guid.NewGuid();
        var token = links.Create(recipient);

        Assert.Equal(recipient, links.Read(token).RecipientId);
        clock.Advance(AnswerLinks.Lifetime - TimeSpan.FromMinutes(1));
        Assert.Equal(recipient, links.Read(token).RecipientId);
        clock.Advance(TimeSpan.FromMinutes(2));
        var expired = links.Read(token);
        Assert.Null(expired.RecipientId);
        Assert.True(expired.Expired);
    }

    [Fact]
    public void Forged_altered_and_foreign_tokens_are_refused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var links = new AnswerLinks(Keys, clock);
        var token = links.Create(Guid.NewGuid());

        // One character changed anywhere breaks the authenticated encryption.
        var altered = token[..^3] + (token[^3] == 'A' ? 'B' : 'A') + token[^2..];
        Assert.Null(links.Read(altered).RecipientId);
        Assert.False(links.Read(altered).Expired);

        // A token protected for another purpose (another feature's token) does not open an answer page.
        var other = Keys.CreateProtector("Stabsrum.Something.Else").Protect($"{Guid.NewGuid():N}.{DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds()}");
        Assert.Null(links.Read(other).RecipientId);

        // Signed by another installation's keys.
        var foreign = new AnswerLinks(new EphemeralDataProtectionProvider(), clock).Create(Guid.NewGuid());
        Assert.Null(links.Read(foreign).RecipientId);

        Assert.Null(links.Read("").RecipientId);
        Assert.Null(links.Read(Guid.NewGuid().ToString("N")).RecipientId);
        Assert.Null(links.Read(new string('x', 5000)).RecipientId);
    }

    [Fact]
    public void Each_recipient_gets_a_different_token()
    {
        var links = new AnswerLinks(Keys, TimeProvider.System);
        Assert.NotEqual(links.Create(Guid.NewGuid()), links.Create(Guid.NewGuid()));
    }
}
