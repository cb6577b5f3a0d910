package org.tandem.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The mail server of every test context: an in-process SMTP server (GreenMail) on a free port of this machine, to
 * which {@code spring.mail.host} and {@code spring.mail.port} point, so mail is configured in every test as it is in
 * a clinic with a mail server. The outbox is sent only when a test asks ({@code TestOutbox.sendDue()}); a test then
 * reads what arrived for an address. {@link #whileDown} shows what a mail server that is down does.
 */
public final class TestMail {

    private static final String HOST = "127.0.0.1";

    private final int port;
    private volatile GreenMail server;

    private TestMail(int port) {
        this.port = port;
        this.server = started(port);
    }

    /** The messages that arrived for this address, oldest first. */
    public List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(message -> isFor(message, address)).toList();
    }

    /**
     * Does something while the mail server does not answer, so that every attempt to send fails; then the server
     * answers again, with an empty inbox.
     */
    public void whileDown(Runnable action) {
        server.stop();
        try {
            action.run();
        } finally {
            server = started(port);
        }
    }

    /** The text of a plain-text message, decoded. */
    public static String text(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (IOException | MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(to -> to.toString().equals(address));
        } catch (MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static GreenMail started(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    /** Starts a {@link TestMail} for every test context and points the context's mail settings at it. */
    public static final class Factory implements ContextCustomizerFactory {
        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                List<ContextConfigurationAttributes> configAttributes) {
            return Customizer.EVERY_CONTEXT;
        }
    }

    /** One constant, so that every test class keeps sharing its cached context. */
    private enum Customizer implements ContextCustomizer {
        EVERY_CONTEXT;

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestMail mail = new TestMail(freePort());
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testMail",
                    Map.of("spring.mail.host", HOST, "spring.mail.port", mail.port)));
            context.getBeanFactory().registerSingleton("testMail", mail);
            context.addApplicationListener((ApplicationListener<ContextClosedEvent>) closed -> mail.server.stop());
        }
    }
}
