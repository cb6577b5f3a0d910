package org.tandem.balance;

/** The check-in's session has started or is no longer scheduled: the check-in can no longer be answered. */
public class CheckInClosedException extends IllegalStateException {

    public CheckInClosedException(long checkInId) {
        super("Check-in " + checkInId + " is closed: its session has started or is no longer scheduled");
    }
}
