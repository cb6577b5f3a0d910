package org.tandem.accounts;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A short description of a browser from its {@code User-Agent} header ("Firefox on Windows", "Safari on iPhone"), for
 * a person to recognise their sessions. Only the browser and the system are kept, never the whole header.
 */
final class BrowserName {

    static final String UNKNOWN = "Unknown browser";

    private BrowserName() {}

    static String of(@Nullable String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UNKNOWN;
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        String browser = browser(agent);
        String system = system(agent);
        if (browser == null) {
            return system == null ? UNKNOWN : UNKNOWN + " on " + system;
        }
        return system == null ? browser : browser + " on " + system;
    }

    /** The order matters: Edge and Opera also call themselves Chrome, and Chrome also calls itself Safari. */
    private static @Nullable String browser(String agent) {
        if (agent.contains("edg/") || agent.contains("edga/") || agent.contains("edgios/")) {
            return "Edge";
        }
        if (agent.contains("opr/") || agent.contains("opera")) {
            return "Opera";
        }
        if (agent.contains("firefox/") || agent.contains("fxios/")) {
            return "Firefox";
        }
        if (agent.contains("samsungbrowser/")) {
            return "Samsung Internet";
        }
        if (agent.contains("chrome/") || agent.contains("crios/") || agent.contains("chromium/")) {
            return "Chrome";
        }
        if (agent.contains("safari/")) {
            return "Safari";
        }
        return null;
    }

    private static @Nullable String system(String agent) {
        if (agent.contains("iphone")) {
            return "iPhone";
        }
        if (agent.contains("ipad")) {
            return "iPad";
        }
        if (agent.contains("android")) {
            return "Android";
        }
        if (agent.contains("windows")) {
            return "Windows";
        }
        if (agent.contains("cros")) {
            return "ChromeOS";
        }
        if (agent.contains("mac os x") || agent.contains("macintosh")) {
            return "macOS";
        }
        if (agent.contains("linux")) {
            return "Linux";
        }
        return null;
    }
}
