using Followthrough.Organization;

namespace Followthrough.Tests.Organization;

public sealed class PersonRulesTests
{
    private static PersonInput Valid() => new("王芳", "Wang Fang", "Director", "Supervisor");

    [Fact]
    public void ValidPerson_IsNormalized()
    {
        var (values, errors) = PersonRules.Check(Valid() with { NameZh = " 王芳 ", Email = " wang@example.org ", Phone = "  " });
        Assert.True(errors.IsEmpty);
        Assert.Equal(("王芳", Role.Supervisor, "wang@example.org", (string?)null), (values!.NameZh, values.Role, values.Email, values.Phone));
    }

    [Fact]
    public void ChineseName_IsRequired_EnglishNameIsNot()
    {
        Assert.Equal([OrganizationMessages.NameZhRequired], PersonRules.Check(Valid() with { NameZh = "" }).Errors.ToDictionary()["nameZh"]);
        Assert.True(PersonRules.Check(Valid() with { NameEn = null }).Errors.IsEmpty);
    }

    [Theory]
    [InlineData(null, OrganizationMessages.RoleRequired)]
    [InlineData("Mayor", OrganizationMessages.RoleUnknown)]
    [InlineData("3", OrganizationMessages.RoleUnknown)]
    public void Role_MissingOrUnknown_IsAFieldError(string? role, string message) =>
        Assert.Equal([message], PersonRules.Check(Valid() with { Role = role }).Errors.ToDictionary()["role"]);

    [Fact]
    public void UnitStaff_MustHaveAUnit_ByIdOrCode()
    {
        Assert.Equal([OrganizationMessages.UnitRequiredForStaff], PersonRules.Check(Valid() with { Role = "UnitStaff" }).Errors.ToDictionary()["unitId"]);
        Assert.True(PersonRules.Check(Valid() with { Role = "unitstaff", UnitId = 7 }).Errors.IsEmpty);
        Assert.True(PersonRules.Check(Valid() with { Role = "UnitStaff", UnitCode = "DL-DRC" }).Errors.IsEmpty);
    }

    [Theory]
    [InlineData("name@example.org", true)]
    [InlineData("li.si+plan@dl.gov.cn", true)]
    [InlineData("name@localhost", false)]
    [InlineData("name example.org", false)]
    [InlineData("Li Si <li@example.org>", false)]
    [InlineData("@example.org", false)]
    [InlineData("name@.org", false)]
    public void Email_Format(string email, bool valid)
    {
        Assert.Equal(valid, PersonRules.IsValidEmail(email));
        Assert.Equal(valid, PersonRules.Check(Valid() with { Email = email }).Errors.IsEmpty);
    }

    [Fact]
    public void Email_LongerThan254_IsRefused() =>
        Assert.False(PersonRules.IsValidEmail(new string('a', 250) + "@b.cn"));

    [Theory]
    [InlineData("0411-8888 0000", true)]
    [InlineData("+86 (411) 8888-0000", true)]
    [InlineData("call me", false)]
    [InlineData("---", false)]
    public void Phone_Format(string phone, bool valid) =>
        Assert.Equal(valid, PersonRules.Check(Valid() with { Phone = phone }).Errors.IsEmpty);
}
