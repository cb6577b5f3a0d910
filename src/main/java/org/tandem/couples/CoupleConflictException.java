package org.tandem.couples;

/** Someone else changed the couple after the caller read it; nothing was written. */
public class CoupleConflictException extends RuntimeException {

    private final long coupleId;

    public CoupleConflictException(long coupleId) {
        super("Couple " + coupleId + " was changed by someone else since it was read");
        this.coupleId = coupleId;
    }

    public long coupleId() {
        return coupleId;
    }
}
