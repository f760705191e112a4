-- The daily supervision run reads the applications whose clock runs by their committed due date across every unit
-- (Services' ISupervisedWork), a page at a time in (committed_due, id) order.
CREATE INDEX ix_service_applications_due ON service_applications (state, committed_due, id);
