-- Workbook modules, their frozen versions, assignments to couples, answers, feedback and goals.

-- The clinic's "no secrets" policy: every answer is shared between the two partners.
alter table clinic add column no_secrets boolean not null default false;

-- A module of the library. Built-in modules ship with Tandem and belong to no clinic (clinic_id null,
-- builtin_key set, read-only); a clinic's own modules carry its clinic_id. The draft is edited in place
-- (version column for concurrent edits); publishing copies it into module_version.
create table module (
    id             bigint generated always as identity primary key,
    clinic_id      bigint references clinic (id),
    builtin_key    text check (builtin_key ~ '^[a-z0-9-]{1,80}$'),
    title          text        not null check (length(title) between 1 and 120),
    category       text        not null,
    draft          jsonb       not null,
    created_by     bigint,
    created_at     timestamptz not null default now(),
    updated_by     bigint,
    updated_at     timestamptz not null default now(),
    version        integer     not null default 0,
    constraint module_builtin_or_clinic check ((clinic_id is null) = (builtin_key is not null)),
    constraint module_builtin_key_key unique (builtin_key),
    constraint module_created_by_fk foreign key (clinic_id, created_by) references account (clinic_id, id),
    constraint module_updated_by_fk foreign key (clinic_id, updated_by) references account (clinic_id, id)
);
create index module_clinic_id_idx on module (clinic_id);

-- A published, frozen version of a module: never updated. Assignments point here.
create table module_version (
    id           bigint generated always as identity primary key,
    module_id    bigint      not null references module (id),
    clinic_id    bigint references clinic (id), -- null for a built-in module, like module.clinic_id
    number       integer     not null check (number >= 1),
    title        text        not null,
    category     text        not null,
    content      jsonb       not null,
    content_hash text        not null,
    published_by bigint references account (id),
    published_at timestamptz not null default now(),
    constraint module_version_module_id_number_key unique (module_id, number)
);

-- A module version given to a couple: each partner answers separately, or together (one shared answer set).
create table module_assignment (
    id                bigint generated always as identity primary key,
    clinic_id         bigint      not null,
    couple_id         bigint      not null,
    module_version_id bigint      not null references module_version (id),
    mode              text        not null check (mode in ('SEPARATE', 'TOGETHER')),
    due_on            date,
    note              text check (length(note) <= 2000),
    assigned_by       bigint      not null,
    assigned_at       timestamptz not null default now(),
    reviewed_by       bigint,
    reviewed_at       timestamptz,
    version           integer     not null default 0,
    constraint module_assignment_clinic_id_id_key unique (clinic_id, id),
    constraint module_assignment_couple_fk foreign key (clinic_id, couple_id) references couple (clinic_id, id),
    constraint module_assignment_assigned_by_fk foreign key (clinic_id, assigned_by) references account (clinic_id, id),
    constraint module_assignment_reviewed_by_fk foreign key (clinic_id, reviewed_by) references account (clinic_id, id)
);
create index module_assignment_clinic_id_couple_id_idx on module_assignment (clinic_id, couple_id);

-- One answer set of an assignment: one per partner (SEPARATE) or one for the couple (TOGETHER, partner_id null).
create table assignment_work (
    id            bigint generated always as identity primary key,
    clinic_id     bigint      not null,
    assignment_id bigint      not null,
    partner_id    bigint,
    shared        boolean     not null default false, -- the whole module shared with the other partner
    started_at    timestamptz,
    submitted_at  timestamptz,
    submitted_by  bigint,
    version       integer     not null default 0,
    constraint assignment_work_clinic_id_id_key unique (clinic_id, id),
    constraint assignment_work_assignment_fk foreign key (clinic_id, assignment_id) references module_assignment (clinic_id, id),
    constraint assignment_work_partner_fk foreign key (clinic_id, partner_id) references partner (clinic_id, id),
    constraint assignment_work_submitted_by_fk foreign key (clinic_id, submitted_by) references account (clinic_id, id),
    constraint assignment_work_assignment_id_partner_id_key unique nulls not distinct (assignment_id, partner_id)
);

-- The answer to one step. value is the typed answer as JSON; shared = shown to the other partner.
create table answer (
    clinic_id  bigint      not null,
    work_id    bigint      not null,
    step_id    text        not null,
    value      jsonb       not null,
    filled     boolean     not null default false, -- something was answered (not an emptied field)
    shared     boolean     not null default false,
    updated_by bigint      not null,
    updated_at timestamptz not null default now(),
    version    integer     not null default 0,
    primary key (work_id, step_id),
    constraint answer_work_fk foreign key (clinic_id, work_id) references assignment_work (clinic_id, id),
    constraint answer_updated_by_fk foreign key (clinic_id, updated_by) references account (clinic_id, id),
    constraint answer_value_size check (length(value::text) <= 40000)
);

-- The therapist's feedback on one answer set: on a step, or on the whole assignment (step_id null).
create table feedback (
    id         bigint generated always as identity primary key,
    clinic_id  bigint      not null,
    work_id    bigint      not null,
    step_id    text,
    body       text        not null check (length(body) between 1 and 4000),
    created_by bigint      not null,
    created_at timestamptz not null default now(),
    constraint feedback_work_fk foreign key (clinic_id, work_id) references assignment_work (clinic_id, id),
    constraint feedback_created_by_fk foreign key (clinic_id, created_by) references account (clinic_id, id)
);
create index feedback_clinic_id_work_id_idx on feedback (clinic_id, work_id);

-- A tracked goal: a partner's own (owner_partner_id set; shown to the other partner only when shared)
-- or the couple's shared goal (owner_partner_id null; both see it). Usually born from a goal step.
create table goal (
    id               bigint generated always as identity primary key,
    clinic_id        bigint      not null,
    couple_id        bigint      not null,
    owner_partner_id bigint,
    shared           boolean     not null default false,
    what             text        not null check (length(what) between 1 and 300),
    why              text check (length(why) <= 2000),
    first_step       text check (length(first_step) <= 1000),
    target_on        date,
    status           text        not null default 'ACTIVE' check (status in ('ACTIVE', 'ACHIEVED', 'SET_ASIDE')),
    progress         integer     not null default 0 check (progress between 0 and 100),
    source_work_id   bigint,
    source_step_id   text,
    created_by       bigint      not null,
    created_at       timestamptz not null default now(),
    version          integer     not null default 0,
    constraint goal_clinic_id_id_key unique (clinic_id, id),
    constraint goal_couple_fk foreign key (clinic_id, couple_id) references couple (clinic_id, id),
    constraint goal_owner_fk foreign key (clinic_id, owner_partner_id) references partner (clinic_id, id),
    constraint goal_source_fk foreign key (clinic_id, source_work_id) references assignment_work (clinic_id, id),
    constraint goal_created_by_fk foreign key (clinic_id, created_by) references account (clinic_id, id),
    constraint goal_source_once unique (source_work_id, source_step_id)
);
create index goal_clinic_id_couple_id_idx on goal (clinic_id, couple_id);

create table goal_update (
    id         bigint generated always as identity primary key,
    clinic_id  bigint      not null,
    goal_id    bigint      not null,
    body       text        not null check (length(body) between 1 and 2000),
    progress   integer check (progress between 0 and 100),
    created_by bigint      not null,
    created_at timestamptz not null default now(),
    constraint goal_update_goal_fk foreign key (clinic_id, goal_id) references goal (clinic_id, id),
    constraint goal_update_created_by_fk foreign key (clinic_id, created_by) references account (clinic_id, id)
);
create index goal_update_clinic_id_goal_id_idx on goal_update (clinic_id, goal_id);

create table goal_milestone (
    id         bigint generated always as identity primary key,
    clinic_id  bigint      not null,
    goal_id    bigint      not null,
    title      text        not null check (length(title) between 1 and 200),
    position   integer     not null,
    reached_at timestamptz,
    reached_by bigint,
    constraint goal_milestone_goal_fk foreign key (clinic_id, goal_id) references goal (clinic_id, id),
    constraint goal_milestone_reached_by_fk foreign key (clinic_id, reached_by) references account (clinic_id, id)
);
create index goal_milestone_clinic_id_goal_id_idx on goal_milestone (clinic_id, goal_id);
