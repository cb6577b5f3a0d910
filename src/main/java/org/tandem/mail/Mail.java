package org.tandem.mail;

import java.util.List;
import java.util.Locale;

/**
 * One e-mail to one person, named by the translation keys of its subject and body ({@code mail.*} in
 * translations.properties) and the arguments that fill their {@code {0}}, {@code {1}}, ... in the given locale. A
 * mail carries no clinical content: a neutral sentence and a link. Arguments are ready to print (a formatted date, an
 * absolute link), since they are rendered with {@link java.text.MessageFormat}.
 *
 * @param clinicId the clinic on whose behalf it is sent
 * @param to       the recipient's e-mail address
 */
public record Mail(long clinicId, String to, Locale locale, String subjectKey, String bodyKey, List<Object> args) {

    public Mail {
        if (to.isBlank()) {
            throw new IllegalArgumentException("A mail needs a recipient");
        }
        args = List.copyOf(args);
    }
}
