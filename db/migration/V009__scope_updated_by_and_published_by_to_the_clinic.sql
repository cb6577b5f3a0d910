-- Who last changed a couple, and who published a module version, are accounts of the same clinic, like every other
-- reference to an account (docs/decisions/003-tenancy-and-access.md): the foreign keys carry clinic_id.
alter table couple drop constraint couple_updated_by_fkey;
alter table couple
    add constraint couple_updated_by_fk foreign key (clinic_id, updated_by) references account (clinic_id, id);
create index couple_clinic_id_updated_by_idx on couple (clinic_id, updated_by);

-- A built-in module's versions have neither clinic nor publisher, so the key is only checked for a clinic's own.
alter table module_version drop constraint module_version_published_by_fkey;
alter table module_version
    add constraint module_version_published_by_fk foreign key (clinic_id, published_by)
        references account (clinic_id, id);
create index module_version_clinic_id_published_by_idx on module_version (clinic_id, published_by);
