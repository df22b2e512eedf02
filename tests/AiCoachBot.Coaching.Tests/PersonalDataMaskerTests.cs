using AiCoachBot.Coaching.Coach;

namespace AiCoachBot.Coaching.Tests;

public sealed class PersonalDataMaskerTests
{
    [Theory]
    [InlineData("write to ada.lovelace@contoso.fr please", "write to [email] please")]
    [InlineData("call +33 6 12 34 56 78 today", "call [phone] today")]
    [InlineData("call 06 12 34 56 78 today", "call [phone] today")]
    [InlineData("call 06.12.34.56.78", "call [phone]")]
    [InlineData("US office (555) 123-4567.", "US office [phone].")]
    [InlineData("+1 555 123 4567", "[phone]")]
    [InlineData("IBAN FR76 3000 6000 0112 3456 7890 189 ok", "IBAN [iban] ok")]
    [InlineData("DE89370400440532013000", "[iban]")]
    [InlineData("card 4111 1111 1111 1111 expired", "card [card number] expired")]
    [InlineData("card 4111-1111-1111-1111", "card [card number]")]
    public void PersonalNumbersAndAddresses_AreMasked(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.Mask(text, []));

    [Theory]
    [InlineData("the POC ends on 2027-03-31")]
    [InlineData("decision on 31/03/2027")]
    [InlineData("a budget of 150 000 euros for 12 months")]
    [InlineData("Regulation (EU) 2024/1689, article 6")]
    [InlineData("cut handling time by 20% in 6 months")]
    public void DatesAmountsAndReferences_AreKept(string text) =>
        Assert.Equal(text, PersonalDataMasker.Mask(text, []));

    [Fact]
    public void ASentenceFullOfPersonalData_KeepsOnlyPlaceholders()
    {
        var masked = PersonalDataMasker.Mask("Grace told me, Ada Lovelace, to ask: what is a DPIA? Call me on +33 6 12 34 56 78 or 06 12 34 56 78, " +
            "mail ada.lovelace@contoso.fr, pay to FR76 3000 6000 0112 3456 7890 189 with card 4111 1111 1111 1111, (555) 123-4567.", ["Grace Hopper", "Ada Lovelace"]);

        Assert.Equal("[person] told me, [person], to ask: what is a DPIA? Call me on [phone] or [phone], mail [email], pay to [iban] with card [card number], [phone].", masked);
    }

    [Fact]
    public void KnownNames_AreMaskedWholeAndByPart_InAnyCase()
    {
        var masked = PersonalDataMasker.Mask("Ada Lovelace asked LOVELACE and ada; Grace said hi to Jean-Luc", ["Ada Lovelace", "Grace Hopper", "Jean-Luc Picard"]);

        Assert.Equal("[person] asked [person] and [person]; [person] said hi to [person]", masked);
    }

    [Fact]
    public void ShortNameParts_DoNotMaskOrdinaryWords()
    {
        var masked = PersonalDataMasker.Mask("Li asked about the data", ["Li Wu"]);

        Assert.Equal("[person] asked about the data", masked);
    }
}
