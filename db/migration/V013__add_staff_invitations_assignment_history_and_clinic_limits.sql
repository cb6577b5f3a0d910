-- Staff invitations (docs/decisions/024-staff-accounts.md) reuse the partners' invitation table: a staff
-- invitation has no partner but the invitee's name, and its roles (ADMIN, THERAPIST or both) in invitation_role.
-- invitation.role keeps one of them (ADMIN when given), so that the column stays what it was for partners.
alter table invitation
    add column display_name text check (length(trim(display_name)) between 1 and 200),
    add constraint invitation_clinic_id_id_key unique (clinic_id, id),
    add constraint invitation_partner_or_staff check ((partner_id is null) <> (display_name is null));

create table invitation_role (
    clinic_id     bigint not null,
    invitation_id bigint not null,
    -- every Role, as each typed column lists its enum (decision 018); a staff invitation never holds CLIENT
    -- (StaffInvitationService and AccountService.createStaffAccount refuse it)
    role          text   not null check (role in ('ADMIN', 'THERAPIST', 'CLIENT')),
    primary key (invitation_id, role),
    constraint invitation_role_invitation_fk foreign key (clinic_id, invitation_id)
        references invitation (clinic_id, id)
);
create index invitation_role_clinic_id_invitation_id_idx on invitation_role (clinic_id, invitation_id);
-- The admin's list of pending staff invitations.
create index invitation_clinic_id_staff_idx on invitation (clinic_id, created_at) where partner_id is null;
create index invitation_clinic_id_created_by_idx on invitation (clinic_id, created_by);
create index invitation_clinic_id_account_id_idx on invitation (clinic_id, account_id);

-- Who worked with a couple before: a row of couple_therapist that ends (a couple moved to another therapist, a
-- co-therapist replaced, a departing therapist's caseload reassigned) is kept here with when and by whom it ended.
-- The current assignments stay in couple_therapist; together they are the couple's whole history.
create table couple_therapist_period (
    id          bigint generated always as identity primary key,
    clinic_id   bigint      not null,
    couple_id   bigint      not null,
    account_id  bigint      not null,
    role        text        not null check (role in ('PRIMARY', 'CO_THERAPIST')),
    assigned_at timestamptz not null,
    ended_at    timestamptz not null,
    ended_by    bigint      not null,
    constraint couple_therapist_period_couple_fk foreign key (clinic_id, couple_id) references couple (clinic_id, id),
    constraint couple_therapist_period_account_fk foreign key (clinic_id, account_id)
        references account (clinic_id, id),
    constraint couple_therapist_period_ended_by_fk foreign key (clinic_id, ended_by)
        references account (clinic_id, id),
    constraint couple_therapist_period_in_order check (ended_at >= assigned_at)
);
create index couple_therapist_period_clinic_id_couple_id_idx on couple_therapist_period (clinic_id, couple_id, ended_at);
create index couple_therapist_period_clinic_id_account_id_idx on couple_therapist_period (clinic_id, account_id);
create index couple_therapist_period_clinic_id_ended_by_idx on couple_therapist_period (clinic_id, ended_by);

-- The clinic's own limits; null means the configured default (tandem.security.idle-timeout,
-- tandem.invitations.valid-for).
alter table clinic
    add column idle_timeout_minutes  integer check (idle_timeout_minutes between 5 and 60),
    add column invitation_valid_days integer check (invitation_valid_days between 1 and 30);
