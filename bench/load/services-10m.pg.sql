-- Issue 15: N service applications over three years, set-based (PostgreSQL twin of services-10m.sqlite.sql; the
-- shell replaces __N__). The script disables the service_figures triggers and drops the indexes around it.
CREATE TEMP TABLE gi AS
    SELECT (row_number() OVER (ORDER BY id) - 1)::int AS k, id, version, code, name_zh, name_en, unit_id, committed_days, statutory_days, auto_decidable
    FROM service_items WHERE NOT withdrawn;
CREATE TEMP TABLE ga AS SELECT (row_number() OVER (ORDER BY id) - 1)::int AS k, id FROM people WHERE role IN ('Enterprise', 'Citizen');
WITH r AS (
    SELECT n, (n * 2654435761) % 4294967291 AS h,
           timestamptz '2023-12-07 01:00:00+00' + (n * 94608000 / __N__) * interval '1 second' AS received,
           n > __N__ - __N__ * 30 / 1095 AS recent
    FROM generate_series(1::bigint, __N__) AS n),
x AS (
    SELECT r.*, g.id AS item_id, g.version AS item_version, g.code, g.name_zh, g.name_en, g.unit_id, g.committed_days, g.statutory_days,
           g.auto_decidable AND r.h % 10 < 8 AS auto,
           CASE
               WHEN g.auto_decidable AND r.h % 10 < 8 THEN CASE WHEN r.recent AND r.h % 3 = 0 THEN 'Approved' ELSE 'Delivered' END
               WHEN r.recent THEN CASE
                   WHEN r.h % 20 < 4 THEN 'Received' WHEN r.h % 20 < 12 THEN 'Accepted' WHEN r.h % 20 < 14 THEN 'SupplementRequested'
                   WHEN r.h % 20 < 16 THEN 'Approved' WHEN r.h % 20 < 17 THEN 'Rejected' WHEN r.h % 20 < 18 THEN 'Refused'
                   WHEN r.h % 20 < 19 THEN 'Withdrawn' ELSE 'Delivered' END
               WHEN r.h % 1000 < 2 THEN 'Accepted'
               WHEN r.h % 100 < 5 THEN 'Refused' WHEN r.h % 100 < 8 THEN 'Withdrawn' ELSE 'Delivered'
           END AS state,
           a.id AS applicant
    FROM r JOIN gi g ON g.k = (r.h / 7) % (SELECT count(*) FROM gi)
           JOIN ga a ON a.k = r.h % (SELECT count(*) FROM ga)),
y AS (
    SELECT x.*, state IN ('Accepted', 'Approved', 'Rejected', 'Delivered') AS accepted,
           CASE WHEN auto THEN 0 ELSE 1 + (h / 13) % (committed_days * 7 / 5 + 4) END AS took,
           ((received AT TIME ZONE 'Asia/Shanghai')::date) AS local_day
    FROM x)
INSERT INTO service_applications (item_id, item_version, item_code, item_name_zh, item_name_en, unit_id, applicant_id, channel, answers, state,
    received_at, committed_days, statutory_days, accepted_on, committed_due, statutory_due, reason, decided_at, delivered_at, version,
    created_at, updated_at, working_days_used, auto_decided)
SELECT item_id, item_version, code, name_zh, name_en, unit_id, applicant,
       CASE WHEN h % 10 < 3 AND NOT auto THEN 'Window' ELSE 'Online' END, '{}', state,
       received, committed_days, statutory_days,
       CASE WHEN accepted THEN local_day + (NOT auto)::int END,
       CASE WHEN accepted THEN local_day + (NOT auto)::int + committed_days * 7 / 5 END,
       CASE WHEN accepted THEN local_day + (NOT auto)::int + statutory_days * 7 / 5 END,
       CASE WHEN state IN ('Refused', 'Rejected') THEN 'Generated: the conditions are not met' END,
       CASE WHEN state IN ('Approved', 'Rejected', 'Delivered') THEN received + took * interval '1 day' END,
       CASE WHEN state = 'Delivered' THEN received + (took + 1) * interval '1 day' END,
       CASE WHEN accepted THEN 3 ELSE 2 END, received, received,
       CASE WHEN state IN ('Approved', 'Rejected', 'Delivered') THEN took * 5 / 7 END,
       auto
FROM y;

-- The monthly figures, set-based: what service_figures_count() would have counted row by row.
DELETE FROM service_figures;
INSERT INTO service_figures (month, unit_id, received, window_visits)
    SELECT to_char(received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), unit_id, COUNT(*), SUM(CASE WHEN channel = 'Window' THEN 1 ELSE 0 END)
    FROM service_applications GROUP BY 1, 2;
INSERT INTO service_figures (month, unit_id, decided, approved, on_time, auto_decided, working_days_used, committed_days, statutory_days)
    SELECT to_char(decided_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), unit_id, COUNT(*), SUM(CASE WHEN state = 'Approved' THEN 1 ELSE 0 END),
           SUM(CASE WHEN committed_due IS NOT NULL AND (decided_at AT TIME ZONE 'Asia/Shanghai')::date <= committed_due THEN 1 ELSE 0 END),
           SUM(CASE WHEN auto_decided THEN 1 ELSE 0 END), SUM(COALESCE(working_days_used, 0)), SUM(committed_days), SUM(statutory_days)
    FROM service_applications WHERE decided_at IS NOT NULL GROUP BY 1, 2
    ON CONFLICT (month, unit_id) DO UPDATE SET decided = EXCLUDED.decided, approved = EXCLUDED.approved, on_time = EXCLUDED.on_time,
        auto_decided = EXCLUDED.auto_decided, working_days_used = EXCLUDED.working_days_used,
        committed_days = EXCLUDED.committed_days, statutory_days = EXCLUDED.statutory_days;
