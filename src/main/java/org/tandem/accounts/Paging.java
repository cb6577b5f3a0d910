package org.tandem.accounts;

/**
 * The contract of every paged service method: a grid never asks for a negative offset or limit, and the database
 * would fail on one, so it is refused before any query.
 */
public final class Paging {

    private Paging() {}

    /** @throws IllegalArgumentException when {@code offset} or {@code limit} is negative */
    public static void check(int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
    }
}
