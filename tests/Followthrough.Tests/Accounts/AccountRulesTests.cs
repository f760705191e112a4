using Followthrough.Accounts;
using Followthrough.Web;

namespace Followthrough.Tests.Accounts;

/// <summary>The plain rules of the Accounts module, without a database.</summary>
public sealed class AccountRulesTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(null, "A password is required.")]
    [InlineData("", "A password is required.")]
    [InlineData("abc123xyz", "The password must be at least 10 characters.")]
    [InlineData("abababababab", "The password repeats too few characters.")]
    [InlineData("correct-horse-battery", null)]
    public void PasswordWeakness_NamesTheProblem(string? password, string? expected) =>
        Assert.Equal(expected, Passwords.Weakness(password));

    [Fact]
    public void PasswordHash_VerifiesOnlyTheRightPassword_AndGeneratedOnesAreStrong()
    {
        var password = Passwords.Generate();
        var hash = Passwords.Hash(password);
        Assert.Null(Passwords.Weakness(password));
        Assert.True(Passwords.Verify(hash, password, out _));
        Assert.False(Passwords.Verify(hash, password + "x", out _));
        Assert.NotEqual(password, Passwords.Generate());
    }

    [Theory]
    [InlineData("Admin ", "admin")]
    [InlineData(null, "")]
    public void UserNames_AreTrimmedAndLowerCase(string? given, string expected) =>
        Assert.Equal(expected, AccountService.NormalizeUserName(given));

    [Theory]
    [InlineData("wang.wei", true)]
    [InlineData("w", false)]
    [InlineData("wang wei", false)]
    [InlineData("王伟", false)]
    public void UserNameRule_AllowsLettersDigitsDotsHyphensUnderscores(string name, bool ok) =>
        Assert.Equal(ok, AccountService.UserNameProblem(name) is null);

    [Theory]
    [InlineData("script", null, true, null)]
    [InlineData("", null, false, "name")]
    [InlineData("script", -1, false, "expiresAt")]
    [InlineData("script", 0, false, "expiresAt")]
    [InlineData("script", 1, true, null)]
    public void TokenRules_NeedANameAndAFutureExpiry(string name, int? minutesAhead, bool valid, string? field)
    {
        var errors = new ValidationErrors();
        TokenRules.Check(name, minutesAhead is { } m ? Now.AddMinutes(m) : null, Now, errors);
        Assert.Equal(valid, errors.IsEmpty);
        if (field is not null)
        {
            Assert.True(errors.ToDictionary().ContainsKey(field));
        }
    }

    [Fact]
    public void TokenExpiringOnADate_StopsAtTheStartOfThatDayUtc() =>
        Assert.Equal(new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc), TokenRules.ExpiryOn(new DateOnly(2026, 5, 1)));

    [Fact]
    public void TokenTimes_WithoutAZone_AreUtc()
    {
        Assert.Equal(DateTimeKind.Utc, TokenRules.AsUtc(new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Unspecified))!.Value.Kind);
        Assert.Null(TokenRules.AsUtc(null));
    }

    [Fact]
    public void ApiToken_IsUsable_OnlyBeforeExpiryAndUnlessRevoked()
    {
        var token = new ApiToken { Name = "t", Prefix = "ft_", TokenHash = "h", ExpiresAt = Now };
        Assert.True(token.IsUsable(Now.AddTicks(-1)));
        Assert.False(token.IsUsable(Now));
        Assert.True(token.ToSummary().IsUsable(Now.AddTicks(-1)));
        Assert.False(token.ToSummary().IsUsable(Now));
        token.ExpiresAt = null;
        Assert.True(token.ToSummary().IsUsable(Now));
        token.RevokedAt = Now;
        Assert.False(token.IsUsable(Now));
        Assert.False(token.ToSummary().IsUsable(Now));
    }

    [Fact]
    public void UnknownUserNames_LockAfterFiveFailures_LikeRealAccounts()
    {
        using var unknown = new UnknownUserNames();
        for (var i = 1; i < AccountService.MaxFailedAttempts; i++)
        {
            Assert.Null(unknown.Fail("ghost", Now));
        }

        var until = unknown.Fail("ghost", Now);

        Assert.Equal(Now + AccountService.LockoutDuration, until);
        Assert.Equal(until, unknown.LockedUntil("ghost", Now.AddMinutes(1)));
        Assert.Null(unknown.LockedUntil("ghost", Now + AccountService.LockoutDuration));
        Assert.Null(unknown.LockedUntil("another", Now));
    }
}
