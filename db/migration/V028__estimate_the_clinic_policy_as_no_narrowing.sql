-- The row policies, read by the planner as what they are: no narrowing beyond the clinic the query already asks for
-- (issue 15, docs/decisions/029-second-wall-in-the-database.md, docs/performance.md).
--
-- Every query of the application names its clinic itself (clinic_id = ?), and the policy then adds the same clinic
-- from the transaction's setting, "or" the installation scope. The planner cannot see that the two clinics are one:
-- it multiplied the query's selectivity of the clinic by the policy's (a clinic's share again, plus 0.5 % for the
-- scope's comparison), and on a network of 20 clinics expected 14 of a therapist's 1,100 couples, then read each
-- couple's partners one by one where hashing them was the plan for 1,100.
--
-- The scope's arm is now written so that its estimate is "nearly every row" (a test of not null on an expression
-- without statistics: 99.5 %), which makes the whole policy's estimate the same, while what it lets through is the
-- same as before: nullif(… = 'installation', false) is null unless the scope is exactly 'installation' (unset or
-- any other value: null, so not visible, as before).
do $$
declare
    protected record;
    clinic_column text;
    rule text;
begin
    for protected in
        select tablename from pg_policies
        where schemaname = 'public' and policyname = 'clinic_of_the_transaction'
        order by tablename
    loop
        clinic_column := case when protected.tablename = 'clinic' then 'id' else 'clinic_id' end;
        rule := format($rule$(%I = nullif(current_setting('tandem.clinic_id', true), '')::bigint
                or nullif(current_setting('tandem.scope', true) = 'installation', false) is not null)$rule$,
                clinic_column);
        execute format('alter policy clinic_of_the_transaction on %I using %s with check %s',
                protected.tablename, rule, rule);
    end loop;
end
$$;
