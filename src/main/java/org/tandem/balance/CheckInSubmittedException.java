package org.tandem.balance;

/** The check-in was already submitted: its answers are final and it cannot be submitted again. */
public class CheckInSubmittedException extends IllegalStateException {

    public CheckInSubmittedException(long checkInId) {
        super("Check-in " + checkInId + " is already submitted; its answers can no longer change");
    }
}
