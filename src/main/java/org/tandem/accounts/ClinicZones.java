package org.tandem.accounts;

import java.time.ZoneId;

/**
 * The time zone a clinic shows its times in (docs/decisions/014-time.md). Implemented by the clinic feature's
 * {@code ClinicTime}, which sits above accounts; accounts' own pages (open sessions) read it through this.
 */
public interface ClinicZones {

    ZoneId zone(long clinicId);
}
