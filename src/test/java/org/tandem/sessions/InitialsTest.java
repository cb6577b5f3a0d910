package org.tandem.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InitialsTest {

    /** The unicode escapes (no-break space, a decomposed accent, a right-to-left mark) are read by the compiler. */
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Alex Morgan                 | A.M.
            alex morgan                 | A.M.
            Maria de la Cruz            | M.C.
            Jean-Luc Picard             | J.P.
            Cher                        | C.
            "  Alex   Morgan  "         | A.M.
            "Alex\u00a0Morgan"          | A.M.
            Émile Zola                  | É.Z.
            "E\u0301mile Zola"          | É.Z.
            İlkay Gündoğan              | İ.G.
            Σωκράτης Παπαδόπουλος       | Σ.Π.
            Анна Каренина               | А.К.
            李 小龙                      | 李.小.
            李小龙                       | 李.
            محمد علي                    | م.ع.
            "𠀀x 𝒜lex"                  | 𠀀.𝒜.
            "'Ana O'Neil"               | A.O.
            "Alex - Morgan"             | A.M.
            "\u200fAlex Morgan"         | A.M.
            2Pac Shakur                 | 2.S.
            ""                          | ?
            "   "                       | ?
            "-- ..."                    | ?
            "\u200f"                    | ?
            """)
    void a_name_becomes_the_first_letters_of_its_first_and_last_words(String fullName, String initials) {
        assertThat(Initials.of(fullName)).isEqualTo(initials);
    }
}
