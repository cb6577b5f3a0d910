/**
 * A clinic network of any size for measuring Tandem (issue 15): clinics, staff, couples with years of sessions,
 * notes, balance check-ins, workbook answers and an audit trail, written set-based into PostgreSQL as the schema's
 * owner. Development and benchmarks only: never in the prod profile.
 */
@NullMarked
package org.tandem.generator;

import org.jspecify.annotations.NullMarked;
