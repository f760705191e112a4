-- A unit's queue of open applications (ApplicationQueue) walks this index in due-date order and stops at the page's
-- end: it holds only applications still open, so it stays small however many are closed (issue 15: with 10 million
-- applications the open queue read and sorted every open row of the unit). One state's queue walks
-- ix_service_applications_queue, which now ends in the id, the queue's last order, so it too stops at the page's end.
CREATE INDEX ix_service_applications_open ON service_applications (unit_id, committed_due, id)
    WHERE state NOT IN ('Refused', 'Delivered', 'Withdrawn');
DROP INDEX ix_service_applications_queue;
CREATE INDEX ix_service_applications_queue ON service_applications (unit_id, state, committed_due, id);
