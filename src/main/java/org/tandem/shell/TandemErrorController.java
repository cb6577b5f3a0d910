package org.tandem.shell;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The servlet container's error page ({@code /error}) for requests outside Vaadin's router, in place of Spring
 * Boot's: the status and Tandem's words, never the exception's message or stack trace; a server error gets a
 * reference, logged with the detail.
 */
@Controller
class TandemErrorController implements ErrorController {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final MessageSource messages;

    TandemErrorController(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping("/error")
    ResponseEntity<String> error(HttpServletRequest request, Locale locale) {
        HttpStatus status = status(request);
        String text;
        if (status.is5xxServerError()) {
            Throwable error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown
                    ? thrown : new IllegalStateException("HTTP " + status.value() + " without an exception");
            String reference = ErrorReference.logged("request " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), error);
            text = messages.getMessage("error-page.message", new Object[] {reference}, locale);
        } else {
            text = messages.getMessage("error-page.request-refused", new Object[] {status.value()}, locale);
        }
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + text(locale, "error-page.page-title")
                + "</title></head><body><main><h2>" + text(locale, "error-page.title") + "</h2><p id=\"error-reference\">"
                + HtmlUtils.htmlEscape(text, UTF_8) + "</p><a href=\"/\">" + text(locale, "error-page.home")
                + "</a></main></body></html>";
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(html);
    }

    private String text(Locale locale, String key) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, null, locale), UTF_8);
    }

    private static HttpStatus status(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code) {
            HttpStatus status = HttpStatus.resolve(code);
            if (status != null) {
                return status;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
