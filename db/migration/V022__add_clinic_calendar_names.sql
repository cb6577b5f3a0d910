-- What the therapists' calendar file (.ics) calls a couple: the partners' initials (the default, since calendars are
-- synced to third-party services) or, if the clinic's admin chooses, their full names. Read as org.tandem.clinic.CalendarNames.
alter table clinic
    add column calendar_names text not null default 'INITIALS'
        constraint clinic_calendar_names_check check (calendar_names in ('INITIALS', 'FULL_NAMES'));
