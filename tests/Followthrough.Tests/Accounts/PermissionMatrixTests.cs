using System.Globalization;
using System.Net;
using System.Text;
using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Accounts;

/// <summary>
/// Who may call what, as a table: one row per (caller, method, path), one line each. Add rows for new endpoints.
/// <para>Callers: <c>Anonymous</c>, or a role with an optional unit code after '@' (<c>UnitStaff@DL-DRC</c>).
/// Every row gets a fresh caller; API paths are called with a personal token, page paths with a signed-in browser.</para>
/// <para>Placeholders in paths, made fresh for each row: <c>{me}</c> the caller's person id, <c>{myToken}</c> a token of
/// the caller, <c>{otherPerson}</c> another person (unit staff of DL-STB), <c>{otherToken}</c> a token of that person,
/// <c>{unit:CODE}</c> a unit's id.</para>
/// <para>Expected answers: <see cref="Expect.Ok"/> any 2xx; <see cref="Expect.Unauthorized"/> 401, or for a page the
/// redirect to /sign-in; <see cref="Expect.Forbidden"/> 403, or for a page the redirect to /forbidden; and 400, 404.</para>
/// </summary>
public abstract partial class PermissionMatrixTests(AppFixture app)
{
    public enum Expect
    {
        Ok,
        Invalid,
        Unauthorized,
        Forbidden,
        NotFound,
        Other,
    }

    private const string Anonymous = "Anonymous";
    private const string Admin = "Administrator";
    private const string Leader = "Leader";
    private const string Supervisor = "Supervisor";
    private const string Staff = "UnitStaff@DL-DRC";
    private const string Enterprise = "Enterprise@DL-RKP";
    private const string Citizen = "Citizen";
    private const string NewToken = """{"name":"matrix"}""";
    private const string NewUnit = """{"code":"MATRIX-NEW","nameZh":"矩阵测试单位","nameEn":"Matrix test unit","kind":"Bureau"}""";
    private const string EditDrc = """{"code":"DL-DRC","nameZh":"改名","nameEn":"Renamed","kind":"Bureau","version":1}""";
    private const string Version1 = """{"version":1}""";
    private const string NewPerson = """{"nameZh":"矩阵人员","role":"Leader","version":1}""";
    private const string ScheduleJson = """{"year":2027,"papers":[],"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}""";
    private const string RegionalDay = """{"date":"2026-12-01","isOffDay":true,"name":"Matrix local holiday"}""";
    private const string NewPassword = """{"password":"another-long-password"}""";

    public static TheoryData<string, string, string, Expect, string?> Rows => WithServicesRows(new()
    {
        // caller     method    path                                               expected               body
        { Anonymous,  "GET",    "/api/v1/me",                                      Expect.Unauthorized,   null },
        { Admin,      "GET",    "/api/v1/me",                                      Expect.Ok,             null },
        { Leader,     "GET",    "/api/v1/me",                                      Expect.Ok,             null },
        { Supervisor, "GET",    "/api/v1/me",                                      Expect.Ok,             null },
        { Staff,      "GET",    "/api/v1/me",                                      Expect.Ok,             null },
        { Enterprise, "GET",    "/api/v1/me",                                      Expect.Ok,             null },
        { Citizen,    "GET",    "/api/v1/me",                                      Expect.Ok,             null },

        { Anonymous,  "GET",    "/api/v1/me/tokens",                               Expect.Unauthorized,   null },
        { Staff,      "GET",    "/api/v1/me/tokens",                               Expect.Ok,             null },
        { Enterprise, "GET",    "/api/v1/me/tokens",                               Expect.Ok,             null },
        { Citizen,    "GET",    "/api/v1/me/tokens",                               Expect.Ok,             null },
        { Anonymous,  "POST",   "/api/v1/me/tokens",                               Expect.Unauthorized,   NewToken },
        { Admin,      "POST",   "/api/v1/me/tokens",                               Expect.Ok,             NewToken },
        { Leader,     "POST",   "/api/v1/me/tokens",                               Expect.Ok,             NewToken },
        { Staff,      "POST",   "/api/v1/me/tokens",                               Expect.Ok,             NewToken },
        { Enterprise, "POST",   "/api/v1/me/tokens",                               Expect.Ok,             NewToken },
        { Citizen,    "POST",   "/api/v1/me/tokens",                               Expect.Ok,             NewToken },
        { Citizen,    "POST",   "/api/v1/me/tokens",                               Expect.Invalid,        """{"name":""}""" },
        { Staff,      "GET",    "/api/v1/me/tokens/{myToken}",                     Expect.Ok,             null },
        { Staff,      "GET",    "/api/v1/me/tokens/{otherToken}",                  Expect.NotFound,       null },
        { Anonymous,  "DELETE", "/api/v1/me/tokens/{otherToken}",                  Expect.Unauthorized,   null },
        { Admin,      "DELETE", "/api/v1/me/tokens/{myToken}",                     Expect.Ok,             null },
        { Staff,      "DELETE", "/api/v1/me/tokens/{myToken}",                     Expect.Ok,             null },
        { Enterprise, "DELETE", "/api/v1/me/tokens/{myToken}",                     Expect.Ok,             null },
        { Citizen,    "DELETE", "/api/v1/me/tokens/{myToken}",                     Expect.Ok,             null },
        { Admin,      "DELETE", "/api/v1/me/tokens/{otherToken}",                  Expect.NotFound,       null },
        { Supervisor, "DELETE", "/api/v1/me/tokens/{otherToken}",                  Expect.NotFound,       null },
        { Staff,      "DELETE", "/api/v1/me/tokens/{otherToken}",                  Expect.NotFound,       null },
        { Citizen,    "DELETE", "/api/v1/me/tokens/{otherToken}",                  Expect.NotFound,       null },

        { Anonymous,  "GET",    "/api/v1/people/{otherPerson}/tokens",             Expect.Unauthorized,   null },
        { Admin,      "GET",    "/api/v1/people/{otherPerson}/tokens",             Expect.Ok,             null },
        { Leader,     "GET",    "/api/v1/people/{otherPerson}/tokens",             Expect.Forbidden,      null },
        { Supervisor, "GET",    "/api/v1/people/{otherPerson}/tokens",             Expect.Forbidden,      null },
        { Staff,      "GET",    "/api/v1/people/{otherPerson}/tokens",             Expect.Forbidden,      null },
        { Anonymous,  "DELETE", "/api/v1/people/{otherPerson}/tokens/{otherToken}", Expect.Unauthorized,  null },
        { Admin,      "DELETE", "/api/v1/people/{otherPerson}/tokens/{otherToken}", Expect.Ok,            null },
        { Admin,      "DELETE", "/api/v1/people/{otherPerson}/tokens/999999",      Expect.NotFound,       null },
        { Admin,      "DELETE", "/api/v1/people/{me}/tokens/{otherToken}",         Expect.NotFound,       null },
        { Leader,     "DELETE", "/api/v1/people/{otherPerson}/tokens/{otherToken}", Expect.Forbidden,     null },
        { Supervisor, "DELETE", "/api/v1/people/{otherPerson}/tokens/{otherToken}", Expect.Forbidden,     null },
        { Staff,      "DELETE", "/api/v1/people/{otherPerson}/tokens/{otherToken}", Expect.Forbidden,     null },
        { Enterprise, "DELETE", "/api/v1/people/{otherPerson}/tokens/{otherToken}", Expect.Forbidden,     null },
        { Citizen,    "DELETE", "/api/v1/people/{otherPerson}/tokens/{otherToken}", Expect.Forbidden,     null },

        { Anonymous,  "GET",    "/api/v1/audit",                                   Expect.Unauthorized,   null },
        { Admin,      "GET",    "/api/v1/audit",                                   Expect.Ok,             null },
        { Supervisor, "GET",    "/api/v1/audit",                                   Expect.Ok,             null },
        { Leader,     "GET",    "/api/v1/audit",                                   Expect.Forbidden,      null },
        { Staff,      "GET",    "/api/v1/audit",                                   Expect.Forbidden,      null },
        { Enterprise, "GET",    "/api/v1/audit",                                   Expect.Forbidden,      null },
        { Citizen,    "GET",    "/api/v1/audit",                                   Expect.Forbidden,      null },
        { Supervisor, "GET",    "/api/v1/audit?entityType=people&entityId={me}",   Expect.Ok,             null },
        { Admin,      "GET",    "/api/v1/audit?entityType=units&entityId={unit:DL-DRC}", Expect.Ok,       null },
        { Anonymous,  "GET",    "/api/v1/audit/verify",                            Expect.Unauthorized,   null },
        { Admin,      "GET",    "/api/v1/audit/verify",                            Expect.Ok,             null },
        { Supervisor, "GET",    "/api/v1/audit/verify",                            Expect.Forbidden,      null },
        { Leader,     "GET",    "/api/v1/audit/verify",                            Expect.Forbidden,      null },
        { Staff,      "GET",    "/api/v1/audit/verify",                            Expect.Forbidden,      null },
        { Enterprise, "GET",    "/api/v1/audit/verify",                            Expect.Forbidden,      null },
        { Citizen,    "GET",    "/api/v1/audit/verify",                            Expect.Forbidden,      null },

        { Anonymous,  "GET",    "/api/v1/units",                                   Expect.Unauthorized,   null },
        { Admin,      "GET",    "/api/v1/units",                                   Expect.Ok,             null },
        { Leader,     "GET",    "/api/v1/units",                                   Expect.Ok,             null },
        { Supervisor, "GET",    "/api/v1/units",                                   Expect.Ok,             null },
        { Staff,      "GET",    "/api/v1/units",                                   Expect.Ok,             null },
        { Enterprise, "GET",    "/api/v1/units",                                   Expect.Forbidden,      null },
        { Citizen,    "GET",    "/api/v1/units",                                   Expect.Forbidden,      null },
        { Staff,      "GET",    "/api/v1/units/{unit:DL-STB}",                     Expect.Ok,             null },
        { Citizen,    "GET",    "/api/v1/units/{unit:DL-STB}",                     Expect.Forbidden,      null },
        { Admin,      "POST",   "/api/v1/units",                                   Expect.Ok,             NewUnit },
        { Admin,      "POST",   "/api/v1/units",                                   Expect.Invalid,        """{"code":"x"}""" },
        { Leader,     "POST",   "/api/v1/units",                                   Expect.Forbidden,      NewUnit },
        { Supervisor, "POST",   "/api/v1/units",                                   Expect.Forbidden,      NewUnit },
        { Staff,      "POST",   "/api/v1/units",                                   Expect.Forbidden,      NewUnit },
        { Enterprise, "POST",   "/api/v1/units",                                   Expect.Forbidden,      NewUnit },
        { Staff,      "PUT",    "/api/v1/units/{unit:DL-DRC}",                     Expect.Forbidden,      EditDrc },
        { Supervisor, "PUT",    "/api/v1/units/{unit:DL-DRC}",                     Expect.Forbidden,      EditDrc },
        { Staff,      "POST",   "/api/v1/units/{unit:DL-DRC}/deactivate",          Expect.Forbidden,      Version1 },
        { Supervisor, "GET",    "/api/v1/units/{unit:DL-DRC}/history",             Expect.Ok,             null },
        { Enterprise, "GET",    "/api/v1/units/{unit:DL-DRC}/history",             Expect.Forbidden,      null },
        { Anonymous,  "GET",    "/api/v1/units/999999",                            Expect.Unauthorized,   null },
        { Admin,      "GET",    "/api/v1/units/999999",                            Expect.NotFound,       null },

        { Anonymous,  "GET",    "/api/v1/people",                                  Expect.Unauthorized,   null },
        { Admin,      "GET",    "/api/v1/people",                                  Expect.Ok,             null },
        { Leader,     "GET",    "/api/v1/people",                                  Expect.Ok,             null },
        { Supervisor, "GET",    "/api/v1/people",                                  Expect.Ok,             null },
        { Staff,      "GET",    "/api/v1/people",                                  Expect.Ok,             null },
        { Enterprise, "GET",    "/api/v1/people",                                  Expect.Forbidden,      null },
        { Citizen,    "GET",    "/api/v1/people",                                  Expect.Forbidden,      null },
        { Staff,      "GET",    "/api/v1/people/{me}",                             Expect.Ok,             null },
        { Staff,      "GET",    "/api/v1/people/{otherPerson}",                    Expect.NotFound,       null },
        { Supervisor, "GET",    "/api/v1/people/{otherPerson}",                    Expect.Ok,             null },
        { Leader,     "GET",    "/api/v1/people/{otherPerson}",                    Expect.Ok,             null },
        { Admin,      "POST",   "/api/v1/people",                                  Expect.Ok,             NewPerson },
        { Supervisor, "POST",   "/api/v1/people",                                  Expect.Forbidden,      NewPerson },
        { Staff,      "POST",   "/api/v1/people",                                  Expect.Forbidden,      NewPerson },
        { Staff,      "PUT",    "/api/v1/people/{me}",                             Expect.Forbidden,      NewPerson },
        { Staff,      "POST",   "/api/v1/people/{otherPerson}/account/password",   Expect.Forbidden,      NewPassword },
        { Supervisor, "POST",   "/api/v1/people/{otherPerson}/account/password",   Expect.Forbidden,      NewPassword },
        { Staff,      "GET",    "/api/v1/people/{otherPerson}/history",            Expect.NotFound,       null },
        { Anonymous,  "DELETE", "/api/v1/people/{otherPerson}/sessions",           Expect.Unauthorized,   null },
        { Staff,      "DELETE", "/api/v1/people/{otherPerson}/sessions",           Expect.Forbidden,      null },
        { Supervisor, "DELETE", "/api/v1/people/{otherPerson}/sessions",           Expect.Forbidden,      null },
        { Admin,      "DELETE", "/api/v1/people/{otherPerson}/sessions",           Expect.Ok,             null },
        { Staff,      "GET",    "/api/v1/me/tokens?page=2147483647",               Expect.Invalid,        null },
        { Staff,      "GET",    "/api/v1/indicator-evidence/999999",               Expect.NotFound,       null },

        { Anonymous,  "GET",    "/units",                                          Expect.Unauthorized,   null },
        { Staff,      "GET",    "/units",                                          Expect.Ok,             null },
        { Citizen,    "GET",    "/units",                                          Expect.Forbidden,      null },
        { Admin,      "GET",    "/units/new",                                      Expect.Ok,             null },
        { Staff,      "GET",    "/units/new",                                      Expect.Forbidden,      null },
        { Supervisor, "GET",    "/units/{unit:DL-DRC}/edit",                       Expect.Forbidden,      null },
        { Staff,      "GET",    "/units/{unit:DL-DRC}",                            Expect.Ok,             null },
        { Staff,      "GET",    "/people",                                         Expect.Ok,             null },
        { Enterprise, "GET",    "/people",                                         Expect.Forbidden,      null },
        { Staff,      "GET",    "/people/{otherPerson}",                           Expect.NotFound,       null },
        { Staff,      "GET",    "/people/new",                                     Expect.Forbidden,      null },
        { Admin,      "GET",    "/people/{otherPerson}/edit",                      Expect.Ok,             null },

        { Anonymous,  "GET",    "/api/v1/calendar/days/2025-01-26",                Expect.Ok,             null },
        { Citizen,    "GET",    "/api/v1/calendar/add-working-days?date=2025-01-24&n=5", Expect.Ok,       null },
        { Anonymous,  "GET",    "/api/v1/calendar/add-working-days?date=2025-02-30&n=5", Expect.Invalid,  null },
        { Anonymous,  "GET",    "/api/v1/calendar/between?from=2025-01-01&to=2025-12-31", Expect.Ok,      null },
        { Anonymous,  "GET",    "/api/v1/calendar/months/2025-10",                 Expect.Ok,             null },
        { Anonymous,  "GET",    "/api/v1/calendar/schedules",                      Expect.Ok,             null },
        { Anonymous,  "POST",   "/api/v1/calendar/schedules/import?year=2027",     Expect.Unauthorized,   ScheduleJson },
        { Leader,     "POST",   "/api/v1/calendar/schedules/import?year=2027",     Expect.Forbidden,      ScheduleJson },
        { Supervisor, "POST",   "/api/v1/calendar/schedules/import?year=2027",     Expect.Forbidden,      ScheduleJson },
        { Staff,      "POST",   "/api/v1/calendar/schedules/import?year=2027",     Expect.Forbidden,      ScheduleJson },
        { Anonymous,  "POST",   "/api/v1/calendar/regions/CN-LN-DL/days",          Expect.Unauthorized,   RegionalDay },
        { Supervisor, "POST",   "/api/v1/calendar/regions/CN-LN-DL/days",          Expect.Forbidden,      RegionalDay },
        { Staff,      "POST",   "/api/v1/calendar/regions/CN-LN-DL/days",          Expect.Forbidden,      RegionalDay },
        { Admin,      "POST",   "/api/v1/calendar/regions/CN-LN-DL/days",          Expect.Ok,             RegionalDay },
        { Anonymous,  "GET",    "/calendar",                                       Expect.Ok,             null },
        { Citizen,    "GET",    "/calendar",                                       Expect.Ok,             null },
        { Anonymous,  "GET",    "/calendar/import",                                Expect.Unauthorized,   null },
        { Supervisor, "GET",    "/calendar/import",                                Expect.Forbidden,      null },
        { Admin,      "GET",    "/calendar/import",                                Expect.Ok,             null },
        { Staff,      "GET",    "/calendar/regions",                               Expect.Forbidden,      null },
        { Admin,      "GET",    "/calendar/regions",                               Expect.Ok,             null },

        { Anonymous,  "GET",    "/api/v1/tasks",                                   Expect.Unauthorized,   null },
        { Admin,      "GET",    "/api/v1/tasks",                                   Expect.Ok,             null },
        { Leader,     "GET",    "/api/v1/tasks",                                   Expect.Ok,             null },
        { Supervisor, "GET",    "/api/v1/tasks",                                   Expect.Ok,             null },
        { Staff,      "GET",    "/api/v1/tasks",                                   Expect.Ok,             null },
        { Enterprise, "GET",    "/api/v1/tasks",                                   Expect.Forbidden,      null },
        { Citizen,    "GET",    "/api/v1/tasks",                                   Expect.Forbidden,      null },
        { Anonymous,  "GET",    "/api/v1/tasks/999999",                            Expect.Unauthorized,   null },
        { Supervisor, "GET",    "/api/v1/tasks/999999",                            Expect.NotFound,       null },
        { Supervisor, "POST",   "/api/v1/tasks",                                   Expect.Invalid,        "{}" },
        { Admin,      "POST",   "/api/v1/tasks",                                   Expect.Forbidden,      "{}" },
        { Leader,     "POST",   "/api/v1/tasks",                                   Expect.Forbidden,      "{}" },
        { Staff,      "POST",   "/api/v1/tasks",                                   Expect.Forbidden,      "{}" },
        { Staff,      "GET",    "/api/v1/tasks/inbox",                             Expect.Ok,             null },
        { Staff,      "GET",    "/api/v1/tasks/inbox?unitId={unit:DL-STB}",        Expect.Forbidden,      null },
        { Supervisor, "GET",    "/api/v1/tasks/inbox",                             Expect.Invalid,        null },
        { Supervisor, "GET",    "/api/v1/tasks/inbox?unitId={unit:DL-DRC}",        Expect.Ok,             null },
        { Staff,      "GET",    "/api/v1/tasks/board",                             Expect.Forbidden,      null },
        { Leader,     "GET",    "/api/v1/tasks/board",                             Expect.Ok,             null },
        { Supervisor, "GET",    "/api/v1/tasks/board",                             Expect.Ok,             null },
        { Enterprise, "GET",    "/api/v1/tasks/overdue",                           Expect.Forbidden,      null },
        { Staff,      "GET",    "/api/v1/tasks/overdue",                           Expect.Ok,             null },
        { Staff,      "GET",    "/api/v1/tasks/lists/responsibility",              Expect.Ok,             null },
        { Citizen,    "GET",    "/api/v1/tasks/lists/time-nodes",                  Expect.Forbidden,      null },
        { Leader,     "GET",    "/api/v1/tasks/lists/tasks?format=xlsx",           Expect.Ok,             null },
        { Anonymous,  "GET",    "/tasks",                                          Expect.Unauthorized,   null },
        { Staff,      "GET",    "/tasks",                                          Expect.Ok,             null },
        { Citizen,    "GET",    "/tasks",                                          Expect.Forbidden,      null },
        { Supervisor, "GET",    "/tasks/new",                                      Expect.Ok,             null },
        { Staff,      "GET",    "/tasks/new",                                      Expect.Forbidden,      null },
        { Leader,     "GET",    "/tasks/new",                                      Expect.Forbidden,      null },
        { Staff,      "GET",    "/tasks/board",                                    Expect.Forbidden,      null },
        { Leader,     "GET",    "/tasks/board",                                    Expect.Ok,             null },
        { Staff,      "GET",    "/tasks/inbox",                                    Expect.Ok,             null },
        { Enterprise, "GET",    "/tasks/inbox",                                    Expect.Forbidden,      null },
        { Staff,      "GET",    "/tasks/import",                                   Expect.Forbidden,      null },
        { Supervisor, "GET",    "/tasks/import",                                   Expect.Ok,             null },
        { Staff,      "GET",    "/tasks/lists/responsibility",                     Expect.Ok,             null },
        { Citizen,    "GET",    "/tasks/lists/time-nodes",                         Expect.Forbidden,      null },
        { Supervisor, "GET",    "/tasks/999999",                                   Expect.NotFound,       null },

        { Anonymous,  "GET",    "/api/v1/notices",                                 Expect.Unauthorized,   null },
        { Staff,      "GET",    "/api/v1/notices",                                 Expect.Ok,             null },
        { Citizen,    "GET",    "/api/v1/notices/unread-count",                    Expect.Ok,             null },
        { Staff,      "POST",   "/api/v1/notices/999999/read",                     Expect.NotFound,       null },
        { Anonymous,  "POST",   "/api/v1/supervision/tasks/999999/urge",           Expect.Unauthorized,   "{}" },
        { Staff,      "POST",   "/api/v1/supervision/tasks/999999/urge",           Expect.Forbidden,      "{}" },
        { Leader,     "POST",   "/api/v1/supervision/tasks/999999/urge",           Expect.Forbidden,      "{}" },
        { Admin,      "POST",   "/api/v1/supervision/tasks/999999/urge",           Expect.Forbidden,      "{}" },
        { Supervisor, "POST",   "/api/v1/supervision/tasks/999999/urge",           Expect.NotFound,       "{}" },
        { Staff,      "GET",    "/api/v1/supervision/special-list",                Expect.Forbidden,      null },
        { Citizen,    "GET",    "/api/v1/supervision/special-list",                Expect.Forbidden,      null },
        { Leader,     "GET",    "/api/v1/supervision/special-list",                Expect.Ok,             null },
        { Supervisor, "GET",    "/api/v1/supervision/special-list",                Expect.Ok,             null },
        { Anonymous,  "GET",    "/notices",                                        Expect.Unauthorized,   null },
        { Staff,      "GET",    "/notices",                                        Expect.Ok,             null },
        { Anonymous,  "GET",    "/supervision/special-list",                       Expect.Unauthorized,   null },
        { Staff,      "GET",    "/supervision/special-list",                       Expect.Forbidden,      null },
        { Supervisor, "GET",    "/supervision/special-list",                       Expect.Ok,             null },
        { Anonymous,  "GET",    "/api/v1/evaluation/bulletin?period=2026Q3",       Expect.Unauthorized,   null },
        { Staff,      "GET",    "/api/v1/evaluation/bulletin?period=2026Q3",       Expect.Ok,             null },
        { Leader,     "GET",    "/api/v1/evaluation/bulletin?period=2026Q3&format=xlsx", Expect.Ok,       null },
        { Citizen,    "GET",    "/api/v1/evaluation/bulletin?period=2026Q3",       Expect.Forbidden,      null },
        { Enterprise, "GET",    "/api/v1/evaluation/bulletin?period=2026Q3",       Expect.Forbidden,      null },
        { Supervisor, "GET",    "/api/v1/evaluation/bulletin?period=2026Q9",       Expect.Invalid,        null },
        { Supervisor, "PUT",    "/api/v1/evaluation/scores/{unit:DL-DRC}",         Expect.Ok,             """{"period":"2025Q2","score":88}""" },
        { Staff,      "PUT",    "/api/v1/evaluation/scores/{unit:DL-DRC}",         Expect.Forbidden,      """{"period":"2025Q2","score":100}""" },
        { Leader,     "PUT",    "/api/v1/evaluation/scores/{unit:DL-DRC}",         Expect.Forbidden,      """{"period":"2025Q2","score":100}""" },
        { Admin,      "PUT",    "/api/v1/evaluation/scores/{unit:DL-DRC}",         Expect.Forbidden,      """{"period":"2025Q2","score":100}""" },
        { Supervisor, "POST",   "/api/v1/evaluation/notes",                        Expect.Invalid,        "{}" },
        { Staff,      "POST",   "/api/v1/evaluation/notes",                        Expect.Forbidden,      "{}" },
        { Leader,     "POST",   "/api/v1/evaluation/notes",                        Expect.Forbidden,      "{}" },
        { Anonymous,  "GET",    "/evaluation/bulletin",                            Expect.Unauthorized,   null },
        { Staff,      "GET",    "/evaluation/bulletin",                            Expect.Ok,             null },
        { Citizen,    "GET",    "/evaluation/bulletin",                            Expect.Forbidden,      null },
        { Anonymous,  "GET",    "/api/v1/commitments",                             Expect.Unauthorized,   null },
        { Staff,      "GET",    "/api/v1/commitments",                             Expect.Ok,             null },
        { Leader,     "GET",    "/api/v1/commitments",                             Expect.Ok,             null },
        { Citizen,    "GET",    "/api/v1/commitments",                             Expect.Forbidden,      null },
        { Anonymous,  "GET",    "/commitments",                                    Expect.Unauthorized,   null },
        { Staff,      "GET",    "/commitments",                                    Expect.Ok,             null },
        { Enterprise, "GET",    "/commitments",                                    Expect.Forbidden,      null },

        { Anonymous,  "GET",    "/account/tokens",                                 Expect.Unauthorized,   null },
        { Staff,      "GET",    "/account/tokens",                                 Expect.Ok,             null },
        { Citizen,    "GET",    "/account/tokens",                                 Expect.Ok,             null },
        { Anonymous,  "GET",    "/account/password",                               Expect.Unauthorized,   null },
        { Enterprise, "GET",    "/account/password",                               Expect.Ok,             null },
        { Staff,      "GET",    "/account/tokens/{myToken}/revoke",                Expect.Ok,             null },
        { Staff,      "GET",    "/account/tokens/{otherToken}/revoke",             Expect.NotFound,       null },
        { Anonymous,  "GET",    "/audit",                                          Expect.Unauthorized,   null },
        { Admin,      "GET",    "/audit",                                          Expect.Ok,             null },
        { Supervisor, "GET",    "/audit",                                          Expect.Ok,             null },
        { Leader,     "GET",    "/audit",                                          Expect.Forbidden,      null },
        { Staff,      "GET",    "/audit",                                          Expect.Forbidden,      null },
        { Enterprise, "GET",    "/audit",                                          Expect.Forbidden,      null },
        { Citizen,    "GET",    "/audit",                                          Expect.Forbidden,      null },
        { Anonymous,  "GET",    "/api/v1/documents",                               Expect.Unauthorized,   null },
        { Admin,      "GET",    "/api/v1/documents",                               Expect.Ok,             null },
        { Leader,     "GET",    "/api/v1/documents",                               Expect.Ok,             null },
        { Supervisor, "GET",    "/api/v1/documents",                               Expect.Ok,             null },
        { Staff,      "GET",    "/api/v1/documents",                               Expect.Ok,             null },
        { Enterprise, "GET",    "/api/v1/documents",                               Expect.Forbidden,      null },
        { Citizen,    "GET",    "/api/v1/documents",                               Expect.Forbidden,      null },
        { Supervisor, "POST",   "/api/v1/documents",                               Expect.Invalid,        "{}" },
        { Admin,      "POST",   "/api/v1/documents",                               Expect.Invalid,        "{}" },
        { Leader,     "POST",   "/api/v1/documents",                               Expect.Forbidden,      "{}" },
        { Staff,      "POST",   "/api/v1/documents",                               Expect.Forbidden,      "{}" },
        { Supervisor, "GET",    "/api/v1/documents/999999",                        Expect.NotFound,       null },
        { Staff,      "GET",    "/api/v1/documents/999999/original",               Expect.NotFound,       null },
        { Supervisor, "POST",   "/api/v1/documents/999999/tasks",                  Expect.NotFound,       null },
        { Anonymous,  "GET",    "/documents",                                      Expect.Unauthorized,   null },
        { Staff,      "GET",    "/documents",                                      Expect.Ok,             null },
        { Citizen,    "GET",    "/documents",                                      Expect.Forbidden,      null },
        { Supervisor, "GET",    "/documents/new",                                  Expect.Ok,             null },
        { Admin,      "GET",    "/documents/new",                                  Expect.Ok,             null },
        { Leader,     "GET",    "/documents/new",                                  Expect.Forbidden,      null },
        { Staff,      "GET",    "/documents/new",                                  Expect.Forbidden,      null },
        { Supervisor, "GET",    "/documents/999999",                               Expect.NotFound,       null },
    });

    [Theory]
    [MemberData(nameof(Rows), MemberType = typeof(PermissionMatrixTests))]
    public async Task Caller_GetsTheExpectedAnswer(string caller, string method, string path, Expect expected, string? body)
    {
        ArgumentNullException.ThrowIfNull(path);
        var user = caller == Anonymous ? null : await CreateCallerAsync(caller);
        var url = await FillInAsync(path, user);
        var isApi = url.StartsWith("/api/", StringComparison.Ordinal);
        var client = user is null ? app.AnonymousClient() : isApi ? await app.ApiClientAsync(user) : await app.SignInAsync(user);
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request);

        Assert.True(expected == Classify(response), $"{caller} {method} {url}: expected {expected}, got {(int)response.StatusCode} {response.Headers.Location}");
    }

    private static Expect Classify(HttpResponseMessage response) => ((int)response.StatusCode, RedirectPath(response)) switch
    {
        ( >= 200 and < 300, _) => Expect.Ok,
        (400, _) => Expect.Invalid,
        (401, _) => Expect.Unauthorized,
        (403, _) => Expect.Forbidden,
        (404, _) => Expect.NotFound,
        (302, "/sign-in") => Expect.Unauthorized,
        (302, "/forbidden") => Expect.Forbidden,
        _ => Expect.Other,
    };

    private static string? RedirectPath(HttpResponseMessage response) => response.Headers.Location switch
    {
        null => null,
        { IsAbsoluteUri: true } absolute => absolute.AbsolutePath,
        var relative => relative.OriginalString.Split('?')[0],
    };

    private Task<TestUser> CreateCallerAsync(string caller)
    {
        var parts = caller.Split('@', 2);
        return app.CreateUserAsync(Enum.Parse<Role>(parts[0]), parts.Length == 2 ? parts[1] : null);
    }

    private async Task<string> FillInAsync(string path, TestUser? caller)
    {
        var url = path.Replace("{me}", Id(caller?.PersonId ?? 0), StringComparison.Ordinal);
        if (url.Contains("{myToken}", StringComparison.Ordinal))
        {
            url = url.Replace("{myToken}", Id(await TokenOfAsync(caller!)), StringComparison.Ordinal);
        }

        if (url.Contains("{otherPerson}", StringComparison.Ordinal) || url.Contains("{otherToken}", StringComparison.Ordinal))
        {
            var other = await app.CreateUserAsync(Role.UnitStaff, "DL-STB");
            url = url.Replace("{otherPerson}", Id(other.PersonId), StringComparison.Ordinal)
                .Replace("{otherToken}", Id(await TokenOfAsync(other)), StringComparison.Ordinal);
        }

        while (url.IndexOf("{unit:", StringComparison.Ordinal) is var start and >= 0)
        {
            var end = url.IndexOf('}', start);
            var unitId = Id(await app.UnitIdAsync(url[(start + 6)..end]));
            url = url[..start] + unitId + url[(end + 1)..];
        }

        return url;
    }

    private Task<int> TokenOfAsync(TestUser user) =>
        app.WithServicesAsync(async sp => (await sp.GetRequiredService<TokenService>().CreateAsync(user.PersonId, "matrix", null)).Token.Id);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

public sealed class PermissionMatrixOnSqlite(SqliteApp app) : PermissionMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class PermissionMatrixOnPostgreSql(PostgreSqlApp app) : PermissionMatrixTests(app), IClassFixture<PostgreSqlApp>;
