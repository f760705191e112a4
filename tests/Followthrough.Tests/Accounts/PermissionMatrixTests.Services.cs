namespace Followthrough.Tests.Accounts;

/// <summary>The permission matrix's rows for government services: the catalogue is public to read; administrators and
/// the supervision office keep it.</summary>
public abstract partial class PermissionMatrixTests
{
    private static TheoryData<string, string, string, Expect, string?> WithServicesRows(TheoryData<string, string, string, Expect, string?> rows)
    {
        // caller         method    path                                               expected               body
        rows.Add(Anonymous,  "GET",    "/api/v1/services/items",                          Expect.Ok,             null);
        rows.Add(Citizen,    "GET",    "/api/v1/services/items?q=营业",                   Expect.Ok,             null);
        rows.Add(Anonymous,  "GET",    "/api/v1/services/items?level=Fast",               Expect.Invalid,        null);
        rows.Add(Anonymous,  "GET",    "/api/v1/services/items/999999",                   Expect.NotFound,       null);
        rows.Add(Anonymous,  "POST",   "/api/v1/services/items",                          Expect.Unauthorized,   "{}");
        rows.Add(Citizen,    "POST",   "/api/v1/services/items",                          Expect.Forbidden,      "{}");
        rows.Add(Enterprise, "POST",   "/api/v1/services/items",                          Expect.Forbidden,      "{}");
        rows.Add(Staff,      "POST",   "/api/v1/services/items",                          Expect.Forbidden,      "{}");
        rows.Add(Leader,     "POST",   "/api/v1/services/items",                          Expect.Forbidden,      "{}");
        rows.Add(Supervisor, "POST",   "/api/v1/services/items",                          Expect.Invalid,        "{}");
        rows.Add(Admin,      "POST",   "/api/v1/services/items",                          Expect.Invalid,        "{}");
        rows.Add(Staff,      "PUT",    "/api/v1/services/items/1",                        Expect.Forbidden,      Version1);
        rows.Add(Citizen,    "POST",   "/api/v1/services/items/1/withdraw",               Expect.Forbidden,      Version1);
        rows.Add(Supervisor, "POST",   "/api/v1/services/items/999999/withdraw",          Expect.NotFound,       """{"version":1,"reason":"gone"}""");
        rows.Add(Anonymous,  "GET",    "/api/v1/services/items/export",                   Expect.Unauthorized,   null);
        rows.Add(Staff,      "GET",    "/api/v1/services/items/export",                   Expect.Forbidden,      null);
        rows.Add(Admin,      "GET",    "/api/v1/services/items/export",                   Expect.Ok,             null);
        rows.Add(Anonymous,  "POST",   "/api/v1/services/applications",                   Expect.Unauthorized,   "{}");
        rows.Add(Citizen,    "POST",   "/api/v1/services/applications",                   Expect.Invalid,        "{}");
        rows.Add(Enterprise, "POST",   "/api/v1/services/applications",                   Expect.Invalid,        "{}");
        rows.Add(Staff,      "POST",   "/api/v1/services/applications",                   Expect.Invalid,        "{}");
        rows.Add(Leader,     "POST",   "/api/v1/services/applications",                   Expect.Forbidden,        "{}");
        rows.Add(Citizen,    "GET",    "/api/v1/services/applications/mine",              Expect.Ok,             null);
        rows.Add(Anonymous,  "GET",    "/api/v1/services/applications/mine",              Expect.Unauthorized,   null);
        rows.Add(Citizen,    "GET",    "/api/v1/services/applications/999999",            Expect.NotFound,       null);
        rows.Add(Staff,      "GET",    "/api/v1/services/applications/queue/{unit:DL-DRC}", Expect.Ok,           null);
        rows.Add(Staff,      "GET",    "/api/v1/services/applications/queue/{unit:DL-MSA}", Expect.Forbidden,    null);
        rows.Add(Supervisor, "GET",    "/api/v1/services/applications/queue/{unit:DL-MSA}", Expect.Ok,           null);
        rows.Add(Citizen,    "GET",    "/api/v1/services/applications/queue/{unit:DL-DRC}", Expect.Forbidden,    null);
        rows.Add(Leader,     "GET",    "/api/v1/services/applications/queue/{unit:DL-DRC}", Expect.Forbidden,    null);
        rows.Add(Staff,      "POST",   "/api/v1/services/applications/999999/accept",     Expect.NotFound,       Version1);
        rows.Add(Citizen,    "POST",   "/api/v1/services/applications/999999/withdraw",   Expect.NotFound,       Version1);
        rows.Add(Anonymous,  "POST",   "/api/v1/services/applications/1/approve",         Expect.Unauthorized,   Version1);
        rows.Add(Anonymous,  "GET",    "/services/applications",                          Expect.Unauthorized,   null);
        rows.Add(Citizen,    "GET",    "/services/applications",                          Expect.Ok,             null);
        rows.Add(Enterprise, "GET",    "/services/applications",                          Expect.Ok,             null);
        rows.Add(Staff,      "GET",    "/services/applications",                          Expect.Ok,             null);
        rows.Add(Leader,     "GET",    "/services/applications",                          Expect.Forbidden,      null);
        rows.Add(Staff,      "GET",    "/services/applications?unitId={unit:DL-MSA}",     Expect.Forbidden,      null);
        rows.Add(Citizen,    "GET",    "/services/applications?unitId={unit:DL-DRC}",     Expect.Forbidden,      null);
        rows.Add(Supervisor, "GET",    "/services/applications?unitId={unit:DL-MSA}",     Expect.Ok,             null);
        rows.Add(Citizen,    "GET",    "/services/applications/999999",                   Expect.NotFound,       null);
        rows.Add(Anonymous,  "GET",    "/services/applications/1",                        Expect.Unauthorized,   null);
        rows.Add(Citizen,    "GET",    "/services/items/999999/apply",                    Expect.NotFound,       null);
        rows.Add(Anonymous,  "GET",    "/api/v1/services/figures?month=2026-11",          Expect.Unauthorized,   null);
        rows.Add(Citizen,    "GET",    "/api/v1/services/figures?month=2026-11",          Expect.Forbidden,      null);
        rows.Add(Enterprise, "GET",    "/api/v1/services/figures?month=2026-11",          Expect.Forbidden,      null);
        rows.Add(Staff,      "GET",    "/api/v1/services/figures?month=2026-11",          Expect.Ok,             null);
        rows.Add(Leader,     "GET",    "/api/v1/services/figures?month=2026-11",          Expect.Ok,             null);
        rows.Add(Supervisor, "GET",    "/api/v1/services/figures?month=2026-13",          Expect.Invalid,        null);
        rows.Add(Admin,      "GET",    "/api/v1/services/figures?month=2026-11",          Expect.Ok,             null);
        rows.Add(Anonymous,  "GET",    "/services/figures",                               Expect.Unauthorized,   null);
        rows.Add(Citizen,    "GET",    "/services/figures",                               Expect.Forbidden,      null);
        rows.Add(Leader,     "GET",    "/services/figures",                               Expect.Ok,             null);
        rows.Add(Supervisor, "GET",    "/services/figures",                               Expect.Ok,             null);
        rows.Add(Anonymous,  "GET",    "/services",                                       Expect.Ok,             null);
        rows.Add(Anonymous,  "GET",    "/api/v1/services/bundles",                        Expect.Ok,             null);
        rows.Add(Anonymous,  "GET",    "/api/v1/services/bundles/999999",                 Expect.NotFound,       null);
        rows.Add(Anonymous,  "POST",   "/api/v1/services/bundles",                        Expect.Unauthorized,   "{}");
        rows.Add(Enterprise, "POST",   "/api/v1/services/bundles",                        Expect.Forbidden,      "{}");
        rows.Add(Staff,      "POST",   "/api/v1/services/bundles",                        Expect.Forbidden,      "{}");
        rows.Add(Supervisor, "POST",   "/api/v1/services/bundles",                        Expect.Invalid,        "{}");
        rows.Add(Admin,      "PUT",    "/api/v1/services/bundles/999999",                 Expect.NotFound,       """{"version":1,"code":"B-1","nameZh":"x","nameEn":"x","lifeEvent":"x","itemIds":[1,2]}""");
        rows.Add(Anonymous,  "POST",   "/api/v1/services/bundle-applications",            Expect.Unauthorized,   "{}");
        rows.Add(Staff,      "POST",   "/api/v1/services/bundle-applications",            Expect.Invalid,        "{}"); // a window officer may record one: which bundle and for whom come first
        rows.Add(Leader,     "POST",   "/api/v1/services/bundle-applications",            Expect.Forbidden,      "{}");
        rows.Add(Enterprise, "POST",   "/api/v1/services/bundle-applications",            Expect.Invalid,        "{}");
        rows.Add(Citizen,    "GET",    "/api/v1/services/bundle-applications/mine",       Expect.Ok,             null);
        rows.Add(Citizen,    "GET",    "/api/v1/services/bundle-applications/999999",     Expect.NotFound,       null);
        rows.Add(Anonymous,  "GET",    "/services/bundle-applications/1",                 Expect.Unauthorized,   null);
        rows.Add(Leader,     "GET",    "/services/bundles/999999/apply",                  Expect.NotFound,       null);
        rows.Add(Citizen,    "GET",    "/services?q=营业执照",                            Expect.Ok,             null);
        rows.Add(Anonymous,  "GET",    "/services/manage",                                Expect.Unauthorized,   null);
        rows.Add(Staff,      "GET",    "/services/manage",                                Expect.Forbidden,      null);
        rows.Add(Leader,     "GET",    "/services/manage",                                Expect.Forbidden,      null);
        rows.Add(Enterprise, "GET",    "/services/manage/items",                          Expect.Forbidden,      null);
        rows.Add(Supervisor, "GET",    "/services/manage",                                Expect.Ok,             null);
        rows.Add(Admin,      "GET",    "/services/manage/items",                          Expect.Ok,             null);
        rows.Add(Anonymous,  "GET",    "/api/v1/services/duties",                         Expect.Unauthorized,   null);
        rows.Add(Citizen,    "GET",    "/api/v1/services/duties",                         Expect.Forbidden,      null);
        rows.Add(Staff,      "GET",    "/api/v1/services/duties",                         Expect.Forbidden,      null);
        rows.Add(Staff,      "GET",    "/api/v1/services/duties?unitId={unit:DL-DRC}",    Expect.Ok,             null);
        rows.Add(Staff,      "GET",    "/api/v1/services/duties?unitId={unit:DL-MSA}",    Expect.Forbidden,      null);
        rows.Add(Supervisor, "GET",    "/api/v1/services/duties",                         Expect.Ok,             null);
        rows.Add(Citizen,    "POST",   "/api/v1/services/duties",                         Expect.Forbidden,      "{}");
        rows.Add(Staff,      "POST",   "/api/v1/services/duties",                         Expect.Forbidden,      "{}");
        rows.Add(Leader,     "POST",   "/api/v1/services/duties",                         Expect.Forbidden,      "{}");
        rows.Add(Supervisor, "POST",   "/api/v1/services/duties",                         Expect.Invalid,        "{}");
        rows.Add(Admin,      "POST",   "/api/v1/services/duties",                         Expect.Invalid,        "{}");
        rows.Add(Staff,      "DELETE", "/api/v1/services/duties/999999",                  Expect.Forbidden,      null);
        rows.Add(Admin,      "DELETE", "/api/v1/services/duties/999999",                  Expect.NotFound,       null);
        rows.Add(Anonymous,  "POST",   "/api/v1/services/applications/1/extension",       Expect.Unauthorized,   Version1);
        rows.Add(Staff,      "POST",   "/api/v1/services/applications/999999/extension",  Expect.NotFound,       Version1);
        rows.Add(Citizen,    "POST",   "/api/v1/services/applications/999999/pauses",     Expect.NotFound,       Version1);
        rows.Add(Citizen,    "POST",   "/api/v1/services/applications/999999/promise-kept", Expect.NotFound,     Version1);
        rows.Add(Staff,      "POST",   "/api/v1/services/applications/999999/extension/approve", Expect.NotFound, Version1);
        rows.Add(Anonymous,  "POST",   "/api/v1/services/applications/1/review-steps/1/complete", Expect.Unauthorized, Version1);
        rows.Add(Staff,      "POST",   "/api/v1/services/applications/999999/review-steps/1/complete", Expect.NotFound, Version1);
        rows.Add(Citizen,    "POST",   "/api/v1/services/applications/999999/review-steps/1/complete", Expect.NotFound, Version1);
        rows.Add(Anonymous,  "GET",    "/services/duties",                                Expect.Unauthorized,   null);
        rows.Add(Staff,      "GET",    "/services/duties",                                Expect.Forbidden,      null);
        rows.Add(Citizen,    "GET",    "/services/duties",                                Expect.Forbidden,      null);
        rows.Add(Supervisor, "GET",    "/services/duties",                                Expect.Ok,             null);
        rows.Add(Admin,      "GET",    "/services/duties",                                Expect.Ok,             null);
        return rows;
    }
}
