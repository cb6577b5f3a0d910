-- The schedule: a therapist's scheduled sessions still to come, soonest first (SessionRepository.upcoming), and how
-- many there are. The clinic's scheduled sessions in time order let a page walk from now and stop at its size instead
-- of reading every session of each couple on the caseload and sorting them; held, cancelled and missed sessions,
-- most of the table after a few years, are not in the index (issue 15, docs/performance.md).
create index couple_session_clinic_id_starts_at_scheduled_idx
    on couple_session (clinic_id, starts_at, id) where status = 'SCHEDULED';
