package org.tandem.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/**
 * Spring's own logging (Apache Commons Logging) reaches Logback without building the text of a message whose level
 * is off: commons-logging.properties picks the Log4j API bridge (docs/decisions/040-logging-bridge.md).
 */
class LoggingBridgeTest {

    private static final String NAME = "org.tandem.architecture.LoggingBridgeTest.spring";

    private final Logger logback = (Logger) LoggerFactory.getLogger(NAME);

    @AfterEach
    void reset_the_level() {
        logback.setLevel(null);
    }

    @ParameterizedTest(name = "{0}: built {2} times")
    @CsvSource({"INFO, false, 0", "DEBUG, true, 1"})
    void a_debug_message_is_made_into_text_only_when_debug_is_on(String level, boolean on, int built) {
        logback.setLevel(Level.toLevel(level));
        Log log = LogFactory.getLog(NAME);
        Message message = new Message();

        log.debug(message);
        log.trace(message);

        assertThat(log.isDebugEnabled()).isEqualTo(on);
        assertThat(message.built).as("times the message was made into text").hasValue(built);
    }

    /** A message that counts how often it is made into text, as Spring's {@code LogMessage} is. */
    private static final class Message {
        final AtomicInteger built = new AtomicInteger();

        @Override
        public String toString() {
            built.incrementAndGet();
            return "a message";
        }
    }
}
