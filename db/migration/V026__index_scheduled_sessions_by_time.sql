-- The schedule: a therapist's scheduled sessions still to come, soonest first (SessionRepository.upcoming), and how
-- many there are. The clinic's scheduled sessions in time order let a page walk from now and stop at its size instead
-- of reading every session of each couple on the caseload and sorting them; held, cancelled and missed sessions,
-- most of the table after a few years, are not in the index (issue 15, docs/performance.md).
create index couple_session_clinic_id_starts_at_scheduled_idx
    on couple_session (clinic_id, starts_at, id) where status = 'SCHEDULED';

-- A therapist's couples are all in the therapist's clinic. Not told so, the planner multiplies the two columns'
-- selectivities and expects a therapist of one clinic among several to have a tenth of their couples (121 of 1,100 in
-- the growth benchmark), then reads the sessions couple by couple and sorts them all instead of walking the index
-- above (59 ms instead of 1 ms). The dependency statistics make the estimate right (after the next analyze).
create statistics couple_therapist_clinic_id_account_id_stats (dependencies)
    on clinic_id, account_id from couple_therapist;
