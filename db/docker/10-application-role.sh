#!/bin/sh
# Run once by the postgres image on a fresh volume (/docker-entrypoint-initdb.d), as POSTGRES_USER, the owner who
# runs the migrations. Creates the role Tandem connects as: it logs in and owns nothing; Tandem grants it its rights
# after every migration (docs/decisions/029-second-wall-in-the-database.md).
set -eu
: "${TANDEM_DB_APP_PASSWORD:?set TANDEM_DB_APP_PASSWORD, the application role's password}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    --set app_password="$TANDEM_DB_APP_PASSWORD" <<'SQL'
create role tandem_app login password :'app_password' nosuperuser nobypassrls nocreatedb nocreaterole noinherit;
revoke create on schema public from public;
SQL
