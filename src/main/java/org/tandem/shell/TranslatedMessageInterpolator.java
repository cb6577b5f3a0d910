package org.tandem.shell;

import org.hibernate.validator.messageinterpolation.ResourceBundleMessageInterpolator;
import org.hibernate.validator.resourceloading.PlatformResourceBundleLocator;

/**
 * Reads a constraint's {@code {key}} message from the translation bundle that every view reads, so a message is
 * written once. Named in {@code META-INF/validation.xml}, which is what a form's {@code BeanValidator} builds on;
 * Spring's validator (services) reads the same bundle through {@code spring.messages.basename}.
 */
public class TranslatedMessageInterpolator extends ResourceBundleMessageInterpolator {

    public TranslatedMessageInterpolator() {
        super(new PlatformResourceBundleLocator("vaadin-i18n/translations"));
    }
}
