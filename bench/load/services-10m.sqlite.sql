-- Issue 15: N service applications over three years, set-based, into a database that has the demo's catalogue
-- (bench/load/services-10m.sh runs it; the shell replaces __N__). Indexes and the service_figures triggers are
-- dropped by the script before and put back after; the figures are then written set-based, as the triggers would.
CREATE TEMP TABLE gi AS
    SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, version, code, name_zh, name_en, unit_id, committed_days, statutory_days, auto_decidable
    FROM service_items WHERE withdrawn = 0;
CREATE TEMP TABLE ga AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM people WHERE role IN ('Enterprise', 'Citizen');
WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < __N__),
r AS (
    SELECT n, (n * 2654435761) % 4294967291 AS h,
           datetime('2023-12-07 01:00:00', '+' || (n * 94608000 / __N__) || ' seconds') AS received,
           n > __N__ - __N__ * 30 / 1095 AS recent
    FROM s),
x AS (
    SELECT r.*, g.id AS item_id, g.version AS item_version, g.code, g.name_zh, g.name_en, g.unit_id, g.committed_days, g.statutory_days,
           g.auto_decidable AND r.h % 10 < 8 AS auto,
           CASE
               WHEN g.auto_decidable AND r.h % 10 < 8 THEN CASE WHEN r.recent AND r.h % 3 = 0 THEN 'Approved' ELSE 'Delivered' END
               WHEN r.recent THEN CASE
                   WHEN r.h % 20 < 4 THEN 'Received' WHEN r.h % 20 < 12 THEN 'Accepted' WHEN r.h % 20 < 14 THEN 'SupplementRequested'
                   WHEN r.h % 20 < 16 THEN 'Approved' WHEN r.h % 20 < 17 THEN 'Rejected' WHEN r.h % 20 < 18 THEN 'Refused'
                   WHEN r.h % 20 < 19 THEN 'Withdrawn' ELSE 'Delivered' END
               WHEN r.h % 1000 < 2 THEN 'Accepted' -- a few left open long past their due date
               WHEN r.h % 100 < 5 THEN 'Refused' WHEN r.h % 100 < 8 THEN 'Withdrawn' ELSE 'Delivered'
           END AS state,
           (SELECT id FROM ga WHERE ga.k = r.h % (SELECT count(*) FROM ga)) AS applicant
    FROM r JOIN gi g ON g.k = (r.h / 7) % (SELECT count(*) FROM gi)),
y AS (
    SELECT x.*, state IN ('Accepted', 'Approved', 'Rejected', 'Delivered') AS accepted,
           CASE WHEN auto THEN 0 ELSE 1 + (h / 13) % (committed_days * 7 / 5 + 4) END AS took -- calendar days to a decision
    FROM x)
INSERT INTO service_applications (item_id, item_version, item_code, item_name_zh, item_name_en, unit_id, applicant_id, channel, answers, state,
    received_at, committed_days, statutory_days, accepted_on, committed_due, statutory_due, reason, decided_at, delivered_at, version,
    created_at, updated_at, working_days_used, auto_decided)
SELECT item_id, item_version, code, name_zh, name_en, unit_id, applicant,
       CASE WHEN h % 10 < 3 AND NOT auto THEN 'Window' ELSE 'Online' END, '{}', state,
       received, committed_days, statutory_days,
       CASE WHEN accepted THEN date(received, '+8 hours', '+' || (NOT auto) || ' days') END,
       CASE WHEN accepted THEN date(received, '+8 hours', '+' || ((NOT auto) + committed_days * 7 / 5) || ' days') END,
       CASE WHEN accepted THEN date(received, '+8 hours', '+' || ((NOT auto) + statutory_days * 7 / 5) || ' days') END,
       CASE WHEN state IN ('Refused', 'Rejected') THEN 'Generated: the conditions are not met' END,
       CASE WHEN state IN ('Approved', 'Rejected', 'Delivered') THEN datetime(received, '+' || took || ' days') END,
       CASE WHEN state = 'Delivered' THEN datetime(received, '+' || (took + 1) || ' days') END,
       CASE WHEN accepted THEN 3 ELSE 2 END, received, received,
       CASE WHEN state IN ('Approved', 'Rejected', 'Delivered') THEN took * 5 / 7 END,
       auto
FROM y;

-- The monthly figures, set-based: what the triggers of 0026 would have counted row by row.
DELETE FROM service_figures;
INSERT INTO service_figures (month, unit_id, received, window_visits)
    SELECT strftime('%Y-%m', received_at, '+8 hours'), unit_id, COUNT(*), SUM(channel = 'Window') FROM service_applications GROUP BY 1, 2;
INSERT INTO service_figures (month, unit_id, decided, approved, on_time, auto_decided, working_days_used, committed_days, statutory_days)
    SELECT strftime('%Y-%m', decided_at, '+8 hours'), unit_id, COUNT(*), SUM(state = 'Approved'),
           SUM(committed_due IS NOT NULL AND date(decided_at, '+8 hours') <= committed_due), SUM(auto_decided),
           SUM(COALESCE(working_days_used, 0)), SUM(committed_days), SUM(statutory_days)
    FROM service_applications WHERE decided_at IS NOT NULL GROUP BY 1, 2
    ON CONFLICT (month, unit_id) DO UPDATE SET decided = excluded.decided, approved = excluded.approved, on_time = excluded.on_time,
        auto_decided = excluded.auto_decided, working_days_used = excluded.working_days_used,
        committed_days = excluded.committed_days, statutory_days = excluded.statutory_days;
