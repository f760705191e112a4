using System.Data;
using Followthrough.Storage;
using Followthrough.Tasks;
using Microsoft.AspNetCore.Http;

namespace Followthrough.Tests.Tasks;

public sealed class InboxRevisionWithTokenTests
{
    private readonly InboxRevisionWithToken _read = new();

    [Theory]
    [InlineData("GET", "/api/v1/tasks/inbox", true)]
    [InlineData("GET", "/API/V1/Tasks/Inbox", true)]
    [InlineData("HEAD", "/api/v1/tasks/inbox", false)]
    [InlineData("GET", "/api/v1/tasks/board", false)]
    [InlineData("GET", "/api/v1/tasks/inbox/x", false)]
    public void Wants_OnlyTheInbox(string method, string path, bool wanted)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        Assert.Equal(wanted, _read.Wants(context.Request));
    }

    [Fact]
    public async Task CallersUnit_IsKeptWithBothCounts_AndUsedForThatUnitOnly()
    {
        var context = new DefaultHttpContext();
        await _read.ReadAsync(Rows((7, 0, 11L), (7, 7, 5L)), context, CancellationToken.None);

        Assert.Equal(new UnitRevision(5, 11), await InboxRevisionWithToken.ForRequestAsync(context, 7, Unreadable(), CancellationToken.None));
        // Another unit's inbox (the office asking) is not answered from it: that goes to the database.
        await Assert.ThrowsAnyAsync<Exception>(() => InboxRevisionWithToken.ForRequestAsync(context, 8, Unreadable(), CancellationToken.None));
    }

    [Fact]
    public async Task UnitWithoutItsOwnCount_HasTasksRevisionZero()
    {
        var context = new DefaultHttpContext();
        await _read.ReadAsync(Rows((9, 0, 3L)), context, CancellationToken.None);
        Assert.Equal(new UnitRevision(0, 3), await InboxRevisionWithToken.ForRequestAsync(context, 9, Unreadable(), CancellationToken.None));
    }

    [Fact]
    public async Task NoRows_OrACallerWithoutAUnit_KeepNothing()
    {
        foreach (var rows in new[] { Rows(), Rows((null, 0, 3L)) })
        {
            var context = new DefaultHttpContext();
            await _read.ReadAsync(rows, context, CancellationToken.None);
            await Assert.ThrowsAnyAsync<Exception>(() => InboxRevisionWithToken.ForRequestAsync(context, 9, Unreadable(), CancellationToken.None));
        }
    }

    /// <summary>Rows as the statement gives them: the caller's unit, the revision row's unit, its count.</summary>
    private static DataTableReader Rows(params (int? Caller, int Unit, long Revision)[] rows)
    {
        var table = new DataTable();
        table.Columns.Add("caller", typeof(int));
        table.Columns.Add("unit_id", typeof(int));
        table.Columns.Add("revision", typeof(long));
        foreach (var (caller, unit, revision) in rows)
        {
            table.Rows.Add(caller is null ? DBNull.Value : caller.Value, unit, revision);
        }

        return table.CreateDataReader();
    }

    /// <summary>Revisions whose database does not exist: any read from it fails, so a test sees whether it was asked.</summary>
    private static UnitRevisions Unreadable() =>
        new(new DirectSql(DatabaseSettings.Parse("Data Source=/nonexistent-folder/none.db;Mode=ReadOnly")));
}
