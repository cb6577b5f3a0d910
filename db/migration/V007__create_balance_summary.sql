-- Each couple's balance at a glance for the caseload, kept so that a page of thousands of couples never computes
-- alerts per row (docs/decisions/012-alert-summary.md). Derived data: refreshed by the application in the
-- transaction that changes its inputs, and by a sweep at startup and every few minutes for time-based alerts.
create table balance_summary (
    clinic_id          bigint      not null,
    couple_id          bigint      not null,
    partner_one_zone   text check (partner_one_zone in ('BALANCED', 'DISTANT', 'FUSED', 'DISCONNECTED')),
    partner_one_trend  text check (partner_one_trend in ('UP', 'DOWN', 'FLAT')),
    partner_two_zone   text check (partner_two_zone in ('BALANCED', 'DISTANT', 'FUSED', 'DISCONNECTED')),
    partner_two_trend  text check (partner_two_trend in ('UP', 'DOWN', 'FLAT')),
    -- alerts not yet acknowledged
    alerts             integer     not null default 0 check (alerts >= 0),
    refreshed_at       timestamptz not null default now(),
    constraint balance_summary_pkey primary key (couple_id),
    constraint balance_summary_couple_fk foreign key (clinic_id, couple_id) references couple (clinic_id, id)
);

create index balance_summary_clinic_id_couple_id_idx on balance_summary (clinic_id, couple_id);
