-- The clinic's policy: its staff (ADMIN, THERAPIST) must have a second factor before they can do anything
-- (docs/decisions/025-second-factor.md). Partners are not affected.
alter table clinic add column second_factor_required boolean not null default false;

-- An account's TOTP secret (RFC 6238), encrypted with AES-GCM under tandem.security.totp-key (the account id is the
-- associated data, so a sealed secret copied to another account's row does not open). confirmed_at stays null
-- while the enrolment waits for its first code; last_time_step is the 30-second step of the last accepted code,
-- so that a code (or an earlier one) is never accepted twice.
create table second_factor (
    account_id       bigint      primary key,
    clinic_id        bigint      not null,
    sealed_secret    bytea       not null check (octet_length(sealed_secret) between 28 and 200),
    created_at       timestamptz not null,
    confirmed_at     timestamptz,
    last_time_step   bigint,
    constraint second_factor_account_fk foreign key (clinic_id, account_id) references account (clinic_id, id)
);
create index second_factor_clinic_id_account_id_idx on second_factor (clinic_id, account_id);

-- Single-use recovery codes, hashed like passphrases; used_at is set when one is spent.
create table recovery_code (
    id          bigint generated always as identity primary key,
    clinic_id   bigint      not null,
    account_id  bigint      not null,
    code_hash   text        not null check (length(code_hash) between 1 and 500),
    created_at  timestamptz not null,
    used_at     timestamptz,
    constraint recovery_code_account_fk foreign key (clinic_id, account_id) references account (clinic_id, id)
);
create index recovery_code_clinic_id_account_id_idx on recovery_code (clinic_id, account_id);
