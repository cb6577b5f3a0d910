-- Every signed-in browser session, so that a person sees their open sessions and ends one, and an admin ends every
-- session of the clinic (docs/decisions/023-sign-in-security.md, ASVS 5.0 V7.4.5, V7.5.2). The HTTP session id is
-- kept only as its SHA-256 (hex): a copy of the database does not hand out a session. The row names the session to
-- its owner by public_id, never by its key.
create table account_session (
    id              bigint generated always as identity primary key,
    clinic_id       bigint      not null,
    account_id      bigint      not null,
    public_id       uuid        not null,
    session_id_hash text        not null check (length(session_id_hash) = 64),
    signed_in_at    timestamptz not null,
    last_seen_at    timestamptz not null,
    address         text        not null check (length(address) <= 100),
    browser         text        not null check (length(browser) <= 100),
    ended_at        timestamptz,
    constraint account_session_public_id_key unique (public_id),
    constraint account_session_account_fk foreign key (clinic_id, account_id) references account (clinic_id, id),
    constraint account_session_seen_after_sign_in check (last_seen_at >= signed_in_at),
    constraint account_session_ended_after_sign_in check (ended_at is null or ended_at >= signed_in_at)
);
-- A person's open sessions, and a clinic's (ending them all).
create index account_session_open_idx on account_session (clinic_id, account_id) where ended_at is null;
