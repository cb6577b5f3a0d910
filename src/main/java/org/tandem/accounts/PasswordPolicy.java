package org.tandem.accounts;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * NIST SP 800-63B style: length over composition. At least 15 characters, up to 128, any characters,
 * no rules about digits or symbols; refused when zxcvbn (which ships its own lists of common passwords,
 * words and names) estimates it easy to guess, or when it is built from the person's own e-mail or names.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 15;
    public static final int MAX_LENGTH = 128;
    /** zxcvbn's scale runs 0–4; 3 means "safely unguessable" against an offline attack on a slow hash. */
    static final int MIN_SCORE = 3;

    /** zxcvbn's warnings that we say in our own words (translations.properties, invitations.password.warning.*). */
    private static final Set<String> KNOWN_WARNINGS = Set.of(
            "dictionary.warning.passwords.top10", "dictionary.warning.passwords.top100",
            "dictionary.warning.passwords.veryCommon", "dictionary.warning.passwords.similar",
            "dictionary.warning.englishWikipedia.itself", "dictionary.warning.etc.namesThemselves",
            "dictionary.warning.etc.namesCommon", "spatial.warning.straightRowsOfKeys",
            "spatial.warning.shortKeyboardPatterns", "repeat.warning.likeAAA", "repeat.warning.likeABCABCABC",
            "sequence.warning.likeABCor6543", "regex.warning.recentYears", "date.warning.dates");

    /** Makes zxcvbn hand back its message keys instead of English sentences. */
    private static final ResourceBundle KEYS = new ResourceBundle() {
        @Override
        protected Object handleGetObject(String key) {
            return key;
        }

        @Override
        public Enumeration<String> getKeys() {
            return Collections.emptyEnumeration();
        }
    };

    private static final Zxcvbn ZXCVBN = new Zxcvbn();

    private PasswordPolicy() {}

    /** Length in characters as a person counts them (code points), not UTF-16 units. */
    public static int length(String password) {
        return password.codePointCount(0, password.length());
    }

    public static PasswordCheck check(String password, List<String> personalWords) {
        int length = length(password);
        if (length < MIN_LENGTH) {
            return new PasswordCheck(PasswordCheck.Problem.TOO_SHORT, 0, null);
        }
        if (length > MAX_LENGTH) {
            return new PasswordCheck(PasswordCheck.Problem.TOO_LONG, 0, null);
        }
        Strength strength = ZXCVBN.measure(password, words(personalWords));
        int score = strength.getScore();
        if (score >= MIN_SCORE) {
            return new PasswordCheck(null, score, null);
        }
        return new PasswordCheck(PasswordCheck.Problem.TOO_EASY_TO_GUESS, score,
                warningKey(strength.getFeedback().withResourceBundle(KEYS).getWarning()));
    }

    private static @Nullable String warningKey(@Nullable String zxcvbnKey) {
        if (zxcvbnKey == null || !zxcvbnKey.startsWith("feedback.")) {
            return null;
        }
        String key = zxcvbnKey.substring("feedback.".length());
        return KNOWN_WARNINGS.contains(key) ? "invitations.password.warning." + key : null;
    }

    /** The words themselves and their parts: "sam.patel@example.com" also yields "sam", "patel", "example". */
    private static List<String> words(List<String> personalWords) {
        List<String> words = new ArrayList<>();
        for (String word : personalWords) {
            String lower = word.strip().toLowerCase(Locale.ROOT);
            if (lower.isEmpty()) {
                continue;
            }
            words.add(lower);
            for (String part : lower.split("[^\\p{L}\\p{N}]+")) {
                if (part.length() >= 3) {
                    words.add(part);
                }
            }
        }
        return words;
    }
}
