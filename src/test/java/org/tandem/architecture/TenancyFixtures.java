package org.tandem.architecture;

import org.tandem.database.TenantScope;

/** A class not on the installation scope's allow-list that reaches for it, which ArchitectureTest must refuse. */
final class TenancyFixtures {

    private TenancyFixtures() {}

    static class SeesEveryClinic {
        int count() {
            return TenantScope.installation(() -> 1);
        }
    }
}
