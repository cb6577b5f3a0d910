-- Background work (docs/decisions/037-background-work.md).

-- A recompute of every couple's balance summary after the clinic's balance settings changed: the save records it and
-- commits at once; a worker does the couples in batches of its own short transactions, in order of couple id, and
-- keeps its place (after_couple_id) so that a job cut short by a restart resumes where it stopped. A newer save
-- finishes the clinic's unfinished job as superseded and records a new one, which starts again from the first couple.
create table balance_recompute (
    id              bigint generated always as identity primary key,
    clinic_id       bigint      not null references clinic (id),
    requested_at    timestamptz not null,
    started_at      timestamptz,
    finished_at     timestamptz,
    superseded      boolean     not null default false,
    total           integer     not null default 0 check (total >= 0),
    done            integer     not null default 0 check (done >= 0),
    after_couple_id bigint      not null default 0,
    error           text,
    version         integer     not null default 0,
    constraint balance_recompute_finished_after_start check (finished_at is null or superseded or started_at is not null)
);
create index balance_recompute_clinic_id_idx on balance_recompute (clinic_id, id);
-- The worker's look-up across clinics: the few unfinished jobs.
create index balance_recompute_unfinished_idx on balance_recompute (id) where finished_at is null;

-- The same wall as every clinic table (V021, decision 029).
alter table balance_recompute enable row level security;
alter table balance_recompute force row level security;
create policy clinic_of_the_transaction on balance_recompute for all
    using (clinic_id = nullif(current_setting('tandem.clinic_id', true), '')::bigint
           or current_setting('tandem.scope', true) = 'installation')
    with check (clinic_id = nullif(current_setting('tandem.clinic_id', true), '')::bigint
           or current_setting('tandem.scope', true) = 'installation');

-- The installation's scheduled jobs, one row each: when one last started and finished, and on which instance. A job
-- runs under a PostgreSQL advisory lock (no two instances at once) and skips a firing that comes within
-- tandem.scheduling.once-within of the last start (the same cron firing on another instance). Not a clinic's row:
-- no clinic_id and no row security, like sign_in_lock.
create table scheduled_run (
    name             text        primary key,
    last_started_at  timestamptz not null,
    last_finished_at timestamptz,
    instance         text        not null
);
