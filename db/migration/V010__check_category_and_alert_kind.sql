-- The last text columns that hold an enum's names without a CHECK: jOOQ reads them as org.tandem.workbook.Category
-- and org.tandem.balance.AlertKind (build-tools/JooqCodegen.java), so the database refuses any other value.
alter table module add constraint module_category_check check (category in ('REFLECTIVE_EXERCISES',
    'COMMUNICATION_FRAMEWORKS', 'GOAL_SETTING', 'BOUNDARIES', 'PERSONAL_GROWTH', 'RITUALS_OF_TOGETHERNESS',
    'ALONE_AND_COUPLE_TIME', 'TRUST_AND_REASSURANCE', 'VULNERABILITY', 'DIFFERING_NEEDS',
    'FRIENDSHIPS_AND_SOCIAL_CIRCLES'));
alter table module_version add constraint module_version_category_check check (category in ('REFLECTIVE_EXERCISES',
    'COMMUNICATION_FRAMEWORKS', 'GOAL_SETTING', 'BOUNDARIES', 'PERSONAL_GROWTH', 'RITUALS_OF_TOGETHERNESS',
    'ALONE_AND_COUPLE_TIME', 'TRUST_AND_REASSURANCE', 'VULNERABILITY', 'DIFFERING_NEEDS',
    'FRIENDSHIPS_AND_SOCIAL_CIRCLES'));
alter table alert_acknowledgement add constraint alert_acknowledgement_kind_check check (kind in (
    'RELIABLE_DETERIORATION', 'LEFT_BALANCED', 'DIVERGENCE', 'MISSING_CHECK_IN', 'OVERDUE_ASSIGNMENT'));
