-- The audit log page (docs/decisions/026-audit-log-page.md).

-- From which address an act came: the client's IP address as the servlet container resolved it (behind a proxy only
-- as server.forward-headers-strategy lets it). Null for acts without a request (a background job) and for rows
-- written before this column.
alter table audit_event add column address text check (length(address) <= 100);

-- Newest first with keyset paging: every page is "the clinic's next rows in (occurred_at, id) order below this key",
-- a range scan of one index (read backwards) whatever the depth. Each filter gets an index that keeps the same order,
-- so a rare filter does not walk the whole clinic to fill a page.
drop index audit_event_clinic_id_occurred_at_idx;
create index audit_event_clinic_id_occurred_at_id_idx on audit_event (clinic_id, occurred_at, id);
create index audit_event_clinic_id_actor_account_id_idx
    on audit_event (clinic_id, actor_account_id, occurred_at, id);
create index audit_event_clinic_id_action_idx on audit_event (clinic_id, action, occurred_at, id);
create index audit_event_clinic_id_outcome_idx on audit_event (clinic_id, outcome, occurred_at, id);
-- "Everything about this couple": the couple itself and the records that belong to it, found by subject.
create index audit_event_clinic_id_subject_idx
    on audit_event (clinic_id, subject_type, subject_id, occurred_at, id);
