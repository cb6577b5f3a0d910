-- A partner's check-ins in time order: the clinic's baselines (each partner's first complete check-in) read one short
-- index range per partner instead of sorting every check-in of the clinic (issue 15, docs/performance.md).
create index check_in_clinic_id_partner_id_submitted_at_idx
    on check_in (clinic_id, partner_id, submitted_at, id) where submitted_at is not null;
