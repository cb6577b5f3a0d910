-- The balance check-in (balance.md): a versioned instrument, each partner's check-ins with raw answers,
-- the clinic's thresholds, partners' consent to show scores to each other, and acknowledged alerts.

alter table clinic
    add column balance_threshold    integer not null default 60 check (balance_threshold between 40 and 80),
    add column divergence_threshold integer not null default 25 check (divergence_threshold between 10 and 50);

-- A partner agrees that both partners' scores may be shown together (each partner's own choice, revocable).
alter table partner add column shares_scores boolean not null default false;

-- The instrument belongs to Tandem, not to a clinic: its wording and keys are frozen per version, and
-- every check-in keeps the version it was answered on.
create table instrument_version (
    number           integer primary key check (number >= 1),
    released_on      date    not null,
    closeness_prompt text    not null
);

create table instrument_item (
    instrument_number integer  not null references instrument_version (number),
    code              text     not null check (code ~ '^[IC][1-5]$'),
    subscale          text     not null check (subscale in ('INDEPENDENCE', 'INTIMACY')),
    reversed          boolean  not null,
    position          smallint not null,
    statement         text     not null,
    primary key (instrument_number, code),
    constraint instrument_item_position_key unique (instrument_number, position)
);

insert into instrument_version (number, released_on, closeness_prompt)
values (1, date '2026-12-01', 'Which picture fits how close you and your partner have felt this week?');

insert into instrument_item (instrument_number, code, subscale, reversed, position, statement) values
    (1, 'I1', 'INDEPENDENCE', false, 1, 'I made time for interests of my own.'),
    (1, 'C1', 'INTIMACY',     false, 2, 'I shared my feelings and worries with my partner.'),
    (1, 'I2', 'INDEPENDENCE', false, 3, 'I spent time on my own without feeling guilty about it.'),
    (1, 'C2', 'INTIMACY',     false, 4, 'I felt understood by my partner.'),
    (1, 'I3', 'INDEPENDENCE', true,  5, 'I felt I needed my partner''s approval before deciding things for myself.'),
    (1, 'C3', 'INTIMACY',     false, 6, 'There was warmth and affection between us.'),
    (1, 'I4', 'INDEPENDENCE', false, 7, 'I kept in touch with friends of my own.'),
    (1, 'C4', 'INTIMACY',     true,  8, 'Our conversations stayed on logistics: plans, chores and schedules.'),
    (1, 'I5', 'INDEPENDENCE', false, 9, 'I felt like my own person, not only one half of a couple.'),
    (1, 'C5', 'INTIMACY',     false, 10, 'We kept up plans or routines that are ours together.');

-- One partner's check-in: before a session (opens 48 hours before it) or requested by the therapist.
-- Answers are kept raw; scores are computed by org.tandem.balance.BalanceScoring for the instrument version.
create table check_in (
    id                bigint generated always as identity primary key,
    clinic_id         bigint      not null,
    couple_id         bigint      not null,
    partner_id        bigint      not null,
    instrument_number integer     not null references instrument_version (number),
    session_id        bigint,
    requested_by      bigint,
    opens_at          timestamptz not null,
    created_at        timestamptz not null default now(),
    closeness         smallint check (closeness between 1 and 7),
    submitted_at      timestamptz,
    version           integer     not null default 0,
    constraint check_in_clinic_id_id_key unique (clinic_id, id),
    constraint check_in_couple_fk foreign key (clinic_id, couple_id) references couple (clinic_id, id),
    constraint check_in_partner_fk foreign key (clinic_id, partner_id) references partner (clinic_id, id),
    constraint check_in_session_fk foreign key (clinic_id, session_id) references couple_session (clinic_id, id),
    constraint check_in_requested_by_fk foreign key (clinic_id, requested_by) references account (clinic_id, id),
    constraint check_in_one_per_session unique (partner_id, session_id)
);
create index check_in_clinic_id_couple_id_idx on check_in (clinic_id, couple_id, opens_at);
-- At most one open therapist-requested check-in per partner, even when two requests race.
create unique index check_in_one_open_request on check_in (partner_id) where session_id is null and submitted_at is null;

create table check_in_answer (
    clinic_id   bigint   not null,
    check_in_id bigint   not null,
    item_code   text     not null check (item_code ~ '^[IC][1-5]$'),
    value       smallint not null check (value between 0 and 6),
    primary key (check_in_id, item_code),
    constraint check_in_answer_check_in_fk foreign key (clinic_id, check_in_id) references check_in (clinic_id, id)
);

-- A therapist acknowledged an alert; the alert is identified by its kind, partner (or couple) and subject.
create table alert_acknowledgement (
    id              bigint generated always as identity primary key,
    clinic_id       bigint      not null,
    couple_id       bigint      not null,
    kind            text        not null,
    partner_id      bigint,
    subject_id      bigint      not null,
    acknowledged_by bigint      not null,
    acknowledged_at timestamptz not null default now(),
    constraint alert_acknowledgement_couple_fk foreign key (clinic_id, couple_id) references couple (clinic_id, id),
    constraint alert_acknowledgement_by_fk foreign key (clinic_id, acknowledged_by) references account (clinic_id, id),
    constraint alert_acknowledgement_once unique nulls not distinct (couple_id, kind, partner_id, subject_id)
);
