-- A clinic is the tenant: every row of clinical data belongs to exactly one clinic.
create table clinic (
    id         bigint generated always as identity primary key,
    name       text        not null check (length(trim(name)) between 1 and 200),
    created_at timestamptz not null default now(),
    version    integer     not null default 0
);

-- A person who signs in. E-mail is the sign-in name, so it is unique across clinics
-- (docs/decisions/003-tenancy.md). Stored lower-case.
create table account (
    id            bigint generated always as identity primary key,
    clinic_id     bigint      not null references clinic (id),
    email         text        not null check (email = lower(email) and length(email) between 3 and 254),
    display_name  text        not null check (length(trim(display_name)) between 1 and 200),
    password_hash text,
    active        boolean     not null default true,
    created_at    timestamptz not null default now(),
    version       integer     not null default 0,
    constraint account_clinic_id_id_key unique (clinic_id, id)
);
create unique index account_email_key on account (email);

-- A user may hold several roles (ADMIN and THERAPIST in a solo practice).
create table account_role (
    clinic_id  bigint not null,
    account_id bigint not null,
    role       text   not null check (role in ('ADMIN', 'THERAPIST', 'CLIENT')),
    primary key (account_id, role),
    constraint account_role_account_fk foreign key (clinic_id, account_id) references account (clinic_id, id)
);
create index account_role_clinic_id_account_id_idx on account_role (clinic_id, account_id);
