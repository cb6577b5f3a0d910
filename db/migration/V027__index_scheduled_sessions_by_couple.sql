-- A couple's next session (the caseload's "Next session" column and its order, the couple's Overview): the earliest
-- scheduled session of the couple that has not begun. Without this index the planner answered it from the clinic's
-- scheduled sessions in time order (V026, made for the schedule) and stepped over every other couple's future
-- sessions until it met this couple's: 2,500 rows a couple in a clinic of 5,000 couples, and a caseload sorted by
-- next session read 5 million index entries (2.6 s). Per couple it is one index entry (issue 15).
create index couple_session_clinic_id_couple_id_starts_at_scheduled_idx
    on couple_session (clinic_id, couple_id, starts_at) where status = 'SCHEDULED';
