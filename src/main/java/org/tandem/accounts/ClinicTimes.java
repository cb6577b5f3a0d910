package org.tandem.accounts;

import java.time.Instant;
import java.util.Locale;

/**
 * Date and time of an instant as the signed-in person's clinic shows it ("4 Dec 2026, 14:30" in the clinic's zone),
 * for accounts' own pages (open sessions). Implemented by the clinic feature's {@code ClinicTime} with its one
 * formatter, {@code ClinicFormat} (docs/decisions/014-time.md); accounts sits below clinic and reaches it through this.
 */
public interface ClinicTimes {

    String dateTime(Instant at, Locale locale);
}
