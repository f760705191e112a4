-- Issue 16: N citizen ratings over three years, set-based, into a database that has the demo's catalogue
-- (bench/load/ratings-10m.sh runs it; the shell replaces __N__). The ratings' application ids are numbers the
-- database does not hold (the sqlite3 shell does not enforce foreign keys), one per rating as the unique index wants.
-- Grades: 55% very satisfied, 25% satisfied, 12% basically, 5% dissatisfied, 3% very dissatisfied; every bad rating
-- has its rectification case (most rectified, most on time, most called back) and one in fifty an upheld appeal.
CREATE TEMP TABLE gi AS
    SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, code, unit_id FROM service_items WHERE withdrawn = 0;
CREATE TEMP TABLE ga AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM people WHERE role IN ('Enterprise', 'Citizen');
WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < __N__),
r AS (
    SELECT n, (n * 2654435761) % 4294967291 AS h,
           datetime('2023-12-07 01:00:00', '+' || (n * 94608000 / __N__) || ' seconds') AS rated
    FROM s)
INSERT INTO service_ratings (application_id, item_id, item_code, unit_id, officer_id, rater_id, real_name, channel, grade, reasons, comment,
    comment_review, rated_at, rated_month, recorded_by_id, version)
SELECT 100000000 + r.n, g.id, g.code, g.unit_id, NULL,
       (SELECT id FROM ga WHERE ga.k = r.h % (SELECT count(*) FROM ga)), 1,
       CASE WHEN r.h % 10 < 6 THEN 'Online' WHEN r.h % 10 < 8 THEN 'Mobile' WHEN r.h % 10 < 9 THEN 'Window' ELSE 'Hotline' END,
       CASE WHEN r.h % 100 < 55 THEN 'VerySatisfied' WHEN r.h % 100 < 80 THEN 'Satisfied' WHEN r.h % 100 < 92 THEN 'BasicallySatisfied'
            WHEN r.h % 100 < 97 THEN 'Dissatisfied' ELSE 'VeryDissatisfied' END,
       '', NULL, 'NotReviewed', r.rated, strftime('%Y-%m', r.rated, '+8 hours'), NULL, 1
FROM r JOIN gi g ON g.k = (r.h / 7) % (SELECT count(*) FROM gi);

INSERT INTO rating_rectifications (rating_id, task_id, unit_id, due_on, state, rectified_at, called_back_at, version)
SELECT id, (SELECT min(id) FROM tasks), unit_id, date(rated_at, '+8 hours', '+7 days'),
       CASE WHEN id % 10 < 7 THEN 'CalledBack' WHEN id % 10 < 9 THEN 'Rectified' ELSE 'Opened' END,
       CASE WHEN id % 10 < 9 THEN datetime(rated_at, '+' || (2 + id % 9) || ' days') END,
       CASE WHEN id % 10 < 7 THEN datetime(rated_at, '+' || (3 + id % 9) || ' days') END, 1
FROM service_ratings WHERE grade IN ('Dissatisfied', 'VeryDissatisfied');

INSERT INTO rating_appeals (rating_id, unit_id, reason, evidence, filed_at, filed_by_id, outcome, decided_at, decided_by_id, decision_reason, version)
SELECT id, unit_id, 'Generated appeal', 'Generated evidence', datetime(rated_at, '+1 days'), (SELECT min(id) FROM people),
       CASE WHEN id % 100 < 50 THEN 'Upheld' ELSE 'Rejected' END, datetime(rated_at, '+3 days'), (SELECT min(id) FROM people), 'Generated', 1
FROM service_ratings WHERE grade IN ('Dissatisfied', 'VeryDissatisfied') AND id % 25 = 0;
