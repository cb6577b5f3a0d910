package org.tandem.clinic.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * A clinic's time zone: every region the JDK knows, sorted and searchable, each with its offset now ("Europe/Berlin
 * (UTC+01:00)"). Empty means the installation's zone, which the placeholder names. A typed name that is not a zone
 * is kept as the value, so that the form's validator says so beside the field instead of the text vanishing.
 */
class TimeZoneField extends ComboBox<String> {

    private final Instant now;

    TimeZoneField(String label, ZoneId installationZone, Instant now) {
        super(label);
        this.now = now;
        setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        setItemLabelGenerator(this::label);
        setClearButtonVisible(true);
        setPlaceholder(getTranslation("clinic.settings.time-zone.installation", label(installationZone.getId())));
        setAllowCustomValue(true);
        addCustomValueSetListener(typed -> setValue(typed.getDetail().strip()));
        setWidthFull();
    }

    /** The zone with its offset at this moment, or the text as typed when it names no zone. */
    String label(@Nullable String id) {
        if (id == null) {
            return "";
        }
        if (!ZoneId.getAvailableZoneIds().contains(id)) {
            return id;
        }
        ZoneOffset offset = ZoneId.of(id).getRules().getOffset(now);
        return id + " (UTC" + (offset.getTotalSeconds() == 0 ? "" : offset.getId()) + ")";
    }
}
