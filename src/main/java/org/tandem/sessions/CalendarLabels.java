package org.tandem.sessions;

/** The words of the calendar file, in the reader's language (the view passes its translations). */
public record CalendarLabels(String summaryPrefix, String inPerson, String video) {

    public static final CalendarLabels ENGLISH = new CalendarLabels("Session:", "In person", "Video");

    String summary(String names) {
        return summaryPrefix + " " + names;
    }

    String location(Modality modality) {
        return modality == Modality.VIDEO ? video : inPerson;
    }
}
