package org.tandem.accounts;

/** What a person may do in their clinic. A person may hold several roles. */
public enum Role {
    ADMIN,
    THERAPIST,
    CLIENT;

    /** Names for {@code @RolesAllowed}; Spring Security prefixes them with {@code ROLE_}. */
    public static final class Names {
        public static final String ADMIN = "ADMIN";
        public static final String THERAPIST = "THERAPIST";
        public static final String CLIENT = "CLIENT";

        private Names() {}
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
