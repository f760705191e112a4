-- A unit's queue of open applications (ApplicationQueue) walks this index in due-date order and stops at the page's
-- end: it holds only applications still open, so it stays small however many are closed (issue 15: with 10 million
-- applications the open queue read and sorted every open row of the unit). The condition is written as the queue's
-- query writes it, which SQLite needs to use a partial index. One state's queue walks ix_service_applications_queue,
-- whose rows already end in the id on SQLite.
CREATE INDEX ix_service_applications_open ON service_applications (unit_id, committed_due)
    WHERE state NOT IN ('Refused', 'Delivered', 'Withdrawn');
