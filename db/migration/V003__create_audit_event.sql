-- Append-only record of who did what. Rows are written in the transaction of the act they record.
create table audit_event (
    id               bigint generated always as identity primary key,
    occurred_at      timestamptz not null default clock_timestamp(),
    clinic_id        bigint references clinic (id), -- null only when no clinic is known (a sign-in with an unknown e-mail)
    actor_account_id bigint references account (id),
    actor            text        not null check (length(actor) <= 254),
    action           text        not null check (length(action) between 1 and 100),
    subject_type     text check (length(subject_type) <= 50),
    subject_id       bigint,
    outcome          text        not null check (outcome in ('SUCCESS', 'FAILURE', 'DENIED')),
    detail           text check (length(detail) <= 2000)
);
create index audit_event_clinic_id_occurred_at_idx on audit_event (clinic_id, occurred_at);
create index audit_event_actor_account_id_idx on audit_event (actor_account_id);

-- No connection may change or remove an audit row, whatever its grants (docs/decisions/004-audit.md).
create function audit_event_refuse_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_event is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_event_refuse_update_delete
    before update or delete on audit_event
    for each row execute function audit_event_refuse_change();

create trigger audit_event_refuse_truncate
    before truncate on audit_event
    for each statement execute function audit_event_refuse_change();

revoke update, delete, truncate on audit_event from public;
