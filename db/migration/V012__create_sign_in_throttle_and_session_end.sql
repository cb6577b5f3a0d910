-- Sign-in throttling and sessions that end on demand (docs/decisions/023-sign-in-security.md).

-- Every failed sign-in: the e-mail as typed (normalised) and the address it came from. Keyed by the e-mail, not the
-- account, so that an unknown e-mail is throttled exactly like a known one and the answer reveals nothing. Not
-- tenant data (an unknown e-mail has no clinic); rows older than the throttling window are deleted as failures come.
create table sign_in_failure (
    id        bigint generated always as identity primary key,
    email     text        not null check (length(email) <= 254),
    address   text        not null check (length(address) <= 100),
    failed_at timestamptz not null
);
create index sign_in_failure_email_failed_at_idx on sign_in_failure (email, failed_at);
create index sign_in_failure_address_failed_at_idx on sign_in_failure (address, failed_at);
create index sign_in_failure_failed_at_idx on sign_in_failure (failed_at);

-- A temporary lock-out of an e-mail (too many failures for it) or of an address (too many failures from it,
-- whatever the e-mails), until locked_until.
create table sign_in_lock (
    kind         text        not null check (kind in ('EMAIL', 'ADDRESS')),
    key          text        not null check (length(key) <= 254),
    locked_until timestamptz not null,
    primary key (kind, key)
);

-- The account's sessions signed in before this instant end at their next request: "sign out everywhere", a changed
-- passphrase, an admin ending them. Null: none was ended.
alter table account add column sessions_valid_after timestamptz;
