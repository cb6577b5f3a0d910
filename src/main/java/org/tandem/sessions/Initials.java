package org.tandem.sessions;

import java.text.BreakIterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A person's initials for the calendar file: the first letter of the first and of the last name, each followed by a
 * dot ("Alex Morgan" → "A.M.", "Maria de la Cruz" → "M.C.", "Cher" → "C."). A letter is a whole grapheme, so a
 * decomposed accent or a letter outside the Basic Multilingual Plane stays whole (composed, NFC); names in scripts without case keep
 * their letter as it is. Words that hold no letter or digit (a dash, an invisible mark) are skipped; a name without any
 * gives "?".
 */
final class Initials {

    static final String NONE = "?";

    private Initials() {}

    static String of(String fullName) {
        List<String> letters = new ArrayList<>();
        for (String word : fullName.split("[\\p{Z}\\s]+")) {
            String letter = firstLetter(word);
            if (!letter.isEmpty()) {
                letters.add(letter);
            }
        }
        if (letters.isEmpty()) {
            return NONE;
        }
        String first = letters.getFirst() + ".";
        return letters.size() == 1 ? first : first + letters.getLast() + ".";
    }

    /** The word's first grapheme that starts with a letter or digit, composed and upper-cased; empty if it has none. */
    private static String firstLetter(String word) {
        BreakIterator graphemes = BreakIterator.getCharacterInstance(Locale.ROOT);
        graphemes.setText(word);
        for (int start = graphemes.first(), end = graphemes.next(); end != BreakIterator.DONE;
                start = end, end = graphemes.next()) {
            if (Character.isLetterOrDigit(word.codePointAt(start))) {
                return Normalizer.normalize(word.substring(start, end), Normalizer.Form.NFC).toUpperCase(Locale.ROOT);
            }
        }
        return "";
    }
}
