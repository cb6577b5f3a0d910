package org.tandem.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The short browser names a person recognises their sessions by; nothing else of the header is kept. */
class BrowserNameTest {

    @Test
    void common_browsers_are_named_with_their_system() {
        assertThat(BrowserName.of(SessionRequests.FIREFOX_ON_WINDOWS)).isEqualTo("Firefox on Windows");
        assertThat(BrowserName.of("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like "
                + "Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0")).isEqualTo("Edge on macOS");
        assertThat(BrowserName.of("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1")).isEqualTo("Safari on iPhone");
        assertThat(BrowserName.of("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Mobile Safari/537.36")).isEqualTo("Chrome on Android");
    }

    @Test
    void an_unknown_or_missing_header_says_so() {
        assertThat(BrowserName.of(null)).isEqualTo("Unknown browser");
        assertThat(BrowserName.of("  ")).isEqualTo("Unknown browser");
        assertThat(BrowserName.of("curl/8.5.0")).isEqualTo("Unknown browser");
    }
}
