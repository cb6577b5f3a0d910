-- Row-level security, the second half of the database wall (docs/decisions/029-second-wall-in-the-database.md).
-- Every table that carries clinic_id, and clinic itself, shows and takes only the rows of the clinic of the current
-- transaction: tandem.clinic_id, set by the data layer (TenantConnectionProvider) from the signed-in person or an
-- explicit TenantScope; tandem.scope = 'installation' for the few cross-clinic operations. Unset: nothing at all.
-- FORCE makes the owner obey the policies too; Flyway sets the installation scope for its own session.

do $$
declare
    tenant_table text;
begin
    for tenant_table in
        select c.table_name
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and c.column_name = 'clinic_id' and t.table_type = 'BASE TABLE'
        order by c.table_name
    loop
        execute format('alter table %I enable row level security', tenant_table);
        execute format('alter table %I force row level security', tenant_table);
        execute format($policy$
            create policy clinic_of_the_transaction on %I for all
            using (clinic_id = nullif(current_setting('tandem.clinic_id', true), '')::bigint
                   or current_setting('tandem.scope', true) = 'installation')
            with check (clinic_id = nullif(current_setting('tandem.clinic_id', true), '')::bigint
                   or current_setting('tandem.scope', true) = 'installation')$policy$, tenant_table);
    end loop;
end
$$;

-- The clinic row itself, on its id.
alter table clinic enable row level security;
alter table clinic force row level security;
create policy clinic_of_the_transaction on clinic for all
    using (id = nullif(current_setting('tandem.clinic_id', true), '')::bigint
           or current_setting('tandem.scope', true) = 'installation')
    with check (id = nullif(current_setting('tandem.clinic_id', true), '')::bigint
           or current_setting('tandem.scope', true) = 'installation');

-- Built-in modules (clinic_id null) are every clinic's to read; only the installation writes them (policies combine
-- with "or", and a null clinic_id never equals the transaction's clinic).
create policy built_in_modules_readable on module for select using (clinic_id is null);
create policy built_in_modules_readable on module_version for select using (clinic_id is null);
