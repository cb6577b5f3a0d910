package org.tandem.database;

import java.util.regex.Pattern;

/**
 * The name of the PostgreSQL role the application connects as ({@code tandem.database.app-role}), as it goes into
 * DDL: a plain lower-case identifier, so that it never needs quoting (docs/decisions/029-second-wall-in-the-database.md).
 */
final class ApplicationRole {

    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private ApplicationRole() {}

    static String checkedName(String name) {
        if (!PLAIN_IDENTIFIER.matcher(name).matches()) {
            throw new IllegalStateException("tandem.database.app-role must be a plain lower-case PostgreSQL name "
                    + "(letters, digits, underscores), not '" + name + "'");
        }
        return name;
    }
}
