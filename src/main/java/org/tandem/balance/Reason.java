package org.tandem.balance;

import java.util.List;

/** Why something is suggested: a translation key and its arguments. */
public record Reason(String key, List<Object> args) {

    public Reason {
        args = List.copyOf(args);
    }
}
