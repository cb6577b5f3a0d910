-- A single-use link that lets a person choose a new passphrase (docs/decisions/027-passphrase-reset.md): asked for on
-- the sign-in page ("forgot passphrase") or issued by an admin of the account's clinic. Only the SHA-256 of the
-- link's token is kept, as for invitations. A link is used at most once, and a newer one voids the older ones.
create table password_reset (
    id           bigint generated always as identity primary key,
    clinic_id    bigint      not null,
    account_id   bigint      not null,
    token_hash   text        not null check (length(token_hash) = 64),
    requested_by bigint, -- the admin who issued it; null when the person asked for it themselves
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    used_at      timestamptz,
    voided_at    timestamptz,
    constraint password_reset_token_hash_key unique (token_hash),
    constraint password_reset_account_fk foreign key (clinic_id, account_id) references account (clinic_id, id),
    constraint password_reset_requested_by_fk foreign key (clinic_id, requested_by) references account (clinic_id, id),
    constraint password_reset_expires_after_created check (expires_at > created_at),
    constraint password_reset_used_once check (used_at is null or voided_at is null)
);
-- Voiding an account's older links and counting its recent requests.
create index password_reset_clinic_id_account_id_idx on password_reset (clinic_id, account_id, created_at);
create index password_reset_clinic_id_requested_by_idx on password_reset (clinic_id, requested_by);
