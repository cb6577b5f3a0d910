-- Issue 12, no e-mail oracle (docs/decisions/028-no-e-mail-oracle.md).
-- A person may be a partner in two couples of one clinic (over time, or with two therapists), and a therapist must
-- not learn from a refusal that another therapist's couple uses an address: a partner's address is no longer unique
-- in the clinic. CoupleService tells a therapist of a clash on their own caseload only. The two partners of one
-- couple still have different addresses.
drop index partner_clinic_id_email_key;
create index partner_clinic_id_email_idx on partner (clinic_id, email);
create unique index partner_clinic_id_couple_id_email_key on partner (clinic_id, couple_id, email);

-- An invitation whose address already signs in to an account when someone tries to accept it: nothing is created,
-- the link stays unusable, and the clinic is told (this mark, an audit row and a mail to its admins).
alter table invitation add column needs_attention_at timestamptz;
