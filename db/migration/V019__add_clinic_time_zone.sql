-- The clinic's own time zone (an IANA id such as Europe/Berlin, checked in Java against the JDK's zone rules);
-- null means the installation's zone (tandem.time-zone), which is what every clinic had before.
alter table clinic
    add column time_zone text
        constraint clinic_time_zone_shape check (time_zone ~ '^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$'
            and length(time_zone) <= 64);
