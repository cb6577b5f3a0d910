package org.tandem.database;

/**
 * A signed-in person (or a sign-in still owing its second step) as the data layer sees them: the clinic whose rows
 * the database shows their statements (docs/decisions/029-second-wall-in-the-database.md). Implemented by the
 * principal types of accounts, which the data layer cannot know.
 */
public interface ClinicMember {

    long clinicId();
}
