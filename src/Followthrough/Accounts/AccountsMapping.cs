using Followthrough.Audit;
using Followthrough.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Followthrough.Accounts;

internal sealed class AccountMapping : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("accounts");
        builder.HasKey(a => a.PersonId);
        builder.Property(a => a.PersonId).ValueGeneratedNever();
        builder.HasIndex(a => a.UserName).IsUnique();
        builder.Property(a => a.PasswordHash).RedactedInAudit();
        builder.Property(a => a.SecurityStamp).RedactedInAudit();
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}

internal sealed class ApiTokenMapping : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable("api_tokens");
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.Property(t => t.TokenHash).RedactedInAudit();
    }
}
