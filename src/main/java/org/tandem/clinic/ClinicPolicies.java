package org.tandem.clinic;

/**
 * The clinic's policies as its admin sets them; {@code version} guards against two admins saving at once.
 *
 * @param noSecrets every answer a partner writes from now on is shared with the other partner
 */
public record ClinicPolicies(String clinicName, boolean noSecrets, int version) {
}
