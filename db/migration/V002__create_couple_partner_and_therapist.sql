create table couple (
    id              bigint generated always as identity primary key,
    clinic_id       bigint      not null references clinic (id),
    status          text        not null default 'INTAKE' check (status in ('INTAKE', 'ACTIVE', 'PAUSED', 'CLOSED')),
    together_since  date,
    living_together boolean,
    created_at      timestamptz not null default now(),
    version         integer     not null default 0,
    constraint couple_clinic_id_id_key unique (clinic_id, id)
);

-- One of the two people of a couple. The CLIENT account is linked once the partner can sign in.
create table partner (
    id             bigint generated always as identity primary key,
    clinic_id      bigint  not null,
    couple_id      bigint  not null,
    account_id     bigint,
    position       smallint not null check (position in (1, 2)),
    full_name      text    not null check (length(trim(full_name)) between 1 and 200),
    preferred_name text check (length(preferred_name) <= 100),
    pronouns       text check (length(pronouns) <= 50),
    email          text check (email = lower(email) and length(email) <= 254),
    version        integer not null default 0,
    constraint partner_couple_fk foreign key (clinic_id, couple_id) references couple (clinic_id, id),
    constraint partner_account_fk foreign key (clinic_id, account_id) references account (clinic_id, id),
    constraint partner_couple_id_position_key unique (couple_id, position),
    constraint partner_account_id_key unique (account_id)
);
create index partner_clinic_id_couple_id_idx on partner (clinic_id, couple_id);

-- Which therapists work with a couple: one primary, optionally co-therapists, all of the couple's clinic.
create table couple_therapist (
    clinic_id   bigint      not null,
    couple_id   bigint      not null,
    account_id  bigint      not null,
    role        text        not null check (role in ('PRIMARY', 'CO_THERAPIST')),
    assigned_at timestamptz not null default now(),
    primary key (couple_id, account_id),
    constraint couple_therapist_couple_fk foreign key (clinic_id, couple_id) references couple (clinic_id, id),
    constraint couple_therapist_account_fk foreign key (clinic_id, account_id) references account (clinic_id, id)
);
create unique index couple_therapist_one_primary_key on couple_therapist (couple_id) where role = 'PRIMARY';
create index couple_therapist_clinic_id_account_id_idx on couple_therapist (clinic_id, account_id);
