using Followthrough.Hosting;
using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Web;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Demo;

/// <summary>
/// Loads the demo records into an empty database. Every demo account gets the same freshly generated password,
/// which the caller prints once; there is no built-in default password.
/// </summary>
public sealed class DemoLoader
    : IDemoData
{
    private readonly FollowthroughDb db;
    private readonly AccountService accounts;
    private readonly DemoTasks tasks;
    private readonly DemoCommitments commitments;
    private readonly DemoDocuments documents;
    private readonly DemoCatalogue catalogue;
    private readonly DemoApplications applications;
    private readonly DemoNeeds needs;

    /// <summary>Built by the module's registration; callers get it from the container.</summary>
    internal DemoLoader(FollowthroughDb db, AccountService accounts, DemoTasks tasks, DemoCommitments commitments, DemoDocuments documents, DemoCatalogue catalogue, DemoApplications applications, DemoNeeds needs)
    {
        this.db = db;
        this.accounts = accounts;
        this.tasks = tasks;
        this.commitments = commitments;
        this.documents = documents;
        this.catalogue = catalogue;
        this.applications = applications;
        this.needs = needs;
    }

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default) =>
        !await db.Set<Unit>().AnyAsync(cancellationToken) && !await db.Set<Person>().AnyAsync(cancellationToken);

    /// <summary>Loads the demo; returns the generated password, or null when the database already holds data.</summary>
    public async Task<DemoCredentials?> LoadAsync(CancellationToken cancellationToken = default)
    {
        if (!await IsEmptyAsync(cancellationToken))
        {
            return null;
        }

        db.Actor.Set(null, "demo loader");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var units = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var demo in DemoOrganization.Units)
        {
            var unit = new Unit
            {
                Code = demo.Code,
                NameZh = demo.NameZh,
                NameEn = demo.NameEn,
                Kind = demo.Kind,
                ParentId = demo.Parent is null ? null : units[demo.Parent].Id,
                Aliases = Unit.JoinAliases(demo.Aliases),
            };
            db.Set<Unit>().Add(unit);
            db.DescribeNextSave("created", "Demo data");
            await db.SaveChangesAsync(cancellationToken);
            units[demo.Code] = unit;
        }

        var password = Passwords.Generate();
        foreach (var demo in DemoOrganization.People)
        {
            var person = new Person
            {
                NameZh = demo.NameZh,
                NameEn = demo.NameEn,
                Title = demo.Title,
                Role = demo.Role,
                UnitId = demo.Unit is null ? null : units[demo.Unit].Id,
            };
            db.Set<Person>().Add(person);
            db.DescribeNextSave("created", "Demo data");
            await db.SaveChangesAsync(cancellationToken);
            var problem = await accounts.CreateAsync(person.Id, demo.UserName, password, cancellationToken);
            if (problem is not null)
            {
                throw new InvalidOperationException($"Demo account {demo.UserName}: {problem}");
            }
        }

        await DemoPlans.LoadAsync(db, units, cancellationToken);
        await tasks.LoadAsync(units, cancellationToken);
        await commitments.LoadAsync(units, cancellationToken);
        await documents.LoadAsync(units, cancellationToken);
        await catalogue.LoadAsync(units, cancellationToken);
        var duties = await applications.LoadAsync(cancellationToken);
        await needs.LoadAsync(units, cancellationToken);
        var approvers = new List<string>();
        foreach (var demo in DemoOrganization.People.Where(p => p.Role == Role.UnitStaff && p.Unit is not null))
        {
            // the unit's approver (审批人) signs in too, so that a decision can be walked through in the demo
            if (duties.TryGetValue(units[demo.Unit!].Id, out var duty) && duty.Approver.PersonId is { } approver)
            {
                var userName = demo.UserName + "-approver";
                var problem = await accounts.CreateAsync(approver, userName, password, cancellationToken);
                approvers.Add(problem is null ? userName : throw new InvalidOperationException($"Demo account {userName}: {problem}"));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new DemoCredentials([.. DemoOrganization.People.Select(p => p.UserName), .. approvers], password);
    }
}
