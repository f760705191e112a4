using System.Data.Common;

namespace Followthrough.Storage;

/// <summary>Parameters for the few commands written in plain ADO.NET, the same way on SQLite and PostgreSQL.</summary>
public static class CommandParameters
{
    /// <summary>Adds a parameter named as in the SQL (e.g. <c>@version</c>); null is sent as SQL NULL.</summary>
    public static DbParameter AddParameter(this DbCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
