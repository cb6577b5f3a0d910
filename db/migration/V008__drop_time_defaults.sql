-- Every time Tandem stores comes from the application's one clock (docs/decisions/014-time.md), never from the
-- database server's: the defaults that stamped rows with now() go, so that an insert that forgets its time fails
-- loudly instead of quietly taking another clock's.
alter table clinic alter column created_at drop default;
alter table account alter column created_at drop default;
alter table couple alter column created_at drop default;
alter table couple alter column updated_at drop default;
alter table couple_therapist alter column assigned_at drop default;
alter table couple_status_change alter column changed_at drop default;
alter table invitation alter column created_at drop default;
alter table couple_session alter column created_at drop default;
alter table session_note alter column updated_at drop default;
alter table module alter column created_at drop default;
alter table module alter column updated_at drop default;
alter table module_version alter column published_at drop default;
alter table module_assignment alter column assigned_at drop default;
alter table answer alter column updated_at drop default;
alter table feedback alter column created_at drop default;
alter table goal alter column created_at drop default;
alter table goal_update alter column created_at drop default;
alter table check_in alter column created_at drop default;
alter table alert_acknowledgement alter column acknowledged_at drop default;
alter table balance_summary alter column refreshed_at drop default;
alter table audit_event alter column occurred_at drop default;
