package org.tandem.accounts;

import java.util.Arrays;

/**
 * A request that a rule refuses, for a reason the user can act on; nothing was written. The reason is a
 * translation key (with its arguments), shown as it is by the global error handler or beside a field by a view.
 */
public class RefusedException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public RefusedException(String messageKey, Object... args) {
        super("Refused: " + messageKey + (args.length == 0 ? "" : " " + Arrays.toString(args)));
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
