package org.tandem.support;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The hostile-input corpus of issue 13 (docs/decisions/032-hostile-input.md): curated payloads in families (lengths,
 * NUL and C0/C1 controls, lone surrogates, bidi overrides, combining stacks, emoji and ZWJ sequences, HTML and
 * script, SQL fragments, formula prefixes, blanks, Unicode spaces, look-alikes), each also wrapped (spaces around,
 * inside a plausible value, repeated), giving at least {@link #MIN_PER_TYPE} distinct values per field type.
 */
public final class HostileInput {

    public static final int MIN_PER_TYPE = 500;

    private HostileInput() {}

    /** The payloads every text field type gets. */
    static List<String> payloads() {
        List<String> p = new ArrayList<>();
        for (int length : new int[] {0, 1, 2, 49, 50, 51, 99, 100, 101, 199, 200, 201, 253, 254, 255, 256, 299, 300,
                301, 999, 1000, 1001, 1999, 2000, 2001, 5000, 10_000, 10_001, 20_000, 20_001, 100_000}) {
            p.add("a".repeat(length));
        }
        p.add("é".repeat(300));
        p.add("😀".repeat(150));
        for (char c = 0; c < 0x20; c++) {
            p.add(String.valueOf(c));
            p.add("Ann" + c + "Lee");
        }
        p.add("\u007F");
        for (char c = 0x80; c <= 0x9F; c++) {
            p.add("x" + c);
        }
        for (String s : new String[] {"\uD800", "\uDBFF", "\uDC00", "\uDFFF", "a\uD83D", "\uDE00a", "\uDE00\uD83D",
                "\uFFFE", "\uFFFF", "\uFFFD", "\u0000\u0000\u0000"}) {
            p.add(s);
        }
        for (String s : new String[] {"\u202EevilTxt.exe", "\u202Ahello", "\u202Bhello", "\u202Chello",
                "\u202Dhello", "\u2066iso\u2069", "\u2067iso\u2069", "\u2068iso\u2069", "\u200Fright-to-left mark",
                "\u200Eleft-to-right mark", "مرحبا", "שלום", "Ann \u202E nosaJ", "\u061C"}) {
            p.add(s);
        }
        p.add("Z" + "\u0336\u0337\u0338\u0300\u0301\u0302\u0303".repeat(40));
        p.add("e\u0301");
        p.add("a" + "\u0308".repeat(500));
        for (String s : new String[] {"😀", "👨‍👩‍👧‍👦", "🏳️‍🌈", "👩🏽‍⚕️", "🇳🇱", "🧑‍🤝‍🧑", "\u200D", "\u200B", "\u2060",
                "\uFEFF", "a\uFE0F"}) {
            p.add(s);
        }
        for (String s : new String[] {"<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b>bold</b>",
                "</span><h1>big</h1>", "<svg onload=alert(1)>", "javascript:alert(1)", "\"><script>x</script>",
                "'\"><iframe src=//evil>", "&lt;b&gt;", "&amp;", "<!--", "]]>", "{{7*7}}", "${7*7}", "#{7*7}",
                "[link](javascript:alert(1))", "**bold**", "<a href=\"http://evil\">x</a>", "<style>*{}</style>"}) {
            p.add(s);
        }
        for (String s : new String[] {"'; drop table couple; --", "\" OR 1=1 --", "' OR '1'='1", "1; SELECT pg_sleep(5)",
                "%", "_", "\\", "%_%", "'", "''", "\\'", "$$", "E'\\x00'", "NULL", "null", "undefined",
                "' UNION SELECT * FROM account --", "\\x00", "%00", "%C0%AF", "../../etc/passwd", "..\\..\\"}) {
            p.add(s);
        }
        for (String s : new String[] {"=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(\"http://x\")",
                "=cmd|' /C calc'!A0", "-2+3"}) {
            p.add(s);
        }
        for (String s : new String[] {" ", "   ", "\t", "\n", "\r\n", " \t\n ", "\u00A0", "\u2003", "\u3000",
                "\u2028", "\u2029", "\u180E", "\u205F", " Ann Lee ", "\u00A0Ann\u00A0", "\u3000Ann", "Ann\u2003",
                "Ann\n", "Ann  Lee"}) {
            p.add(s);
        }
        for (String s : new String[] {"Аnn (Cyrillic A)", "pаypal", "ǅ", "ﬁ", "Ⅻ", "٣", "１２３", "𝟙𝟚𝟛", "ß", "İ",
                "ı", "K\u212A", "Ω\u2126", "O'Brien", "Jean-Luc", "Zoë Ñúñez", "李小龍", "Nguyễn", "김민준", "Ὀδυσσεύς"}) {
            p.add(s);
        }
        return p;
    }

    /** Hostile values for a name (a person's, a clinic's, a title). */
    public static List<String> names() {
        return wrapped(payloads(), "Ann ");
    }

    /** Hostile values for an e-mail field. */
    public static List<String> emails() {
        List<String> base = new ArrayList<>(payloads());
        for (String s : new String[] {"a@b", "a@b.c", "@x.org", "a@", "a@@b.org", "a b@c.org", "a@b..org",
                ".a@b.org", "a.@b.org", "a@-b.org", "\"a b\"@c.org", "a+tag@b.org", "A@B.ORG", " a@b.org ",
                "a@b.org\u0000", "a\u0000@b.org", "a@b.org\n", "a@b.org\r\nBcc: x@y.org", "<a@b.org>",
                "a@b.org<script>", "ä@ö.de", "user@xn--nxasmq6b.com", "a@[127.0.0.1]", "a@localhost",
                "x".repeat(64) + "@b.org", "x".repeat(65) + "@b.org", "a@" + "b".repeat(250) + ".org",
                "'; drop table account; --@b.org", "=1+1@b.org", "a@b.org\u202E", "\uD800@b.org"}) {
            base.add(s);
        }
        return wrapped(base, "a@b.org");
    }

    /** Hostile values for free text (notes, answers, feedback, concerns). */
    public static List<String> freeText() {
        return wrapped(payloads(), "We argued about\n");
    }

    /** Hostile texts for an id in a URL. */
    public static List<String> urlIds() {
        List<String> base = new ArrayList<>(payloads().stream().filter(s -> s.length() < 300).toList());
        for (String s : new String[] {"0", "-1", "-0", "1.5", "1e3", "0x10", "9223372036854775807",
                "9223372036854775808", "-9223372036854775808", "99999999999999999999999", "2147483648", "+1",
                " 1", "1 ", "01", "١", "１", "1%00", "%00", "%C0%AF", "..", "../", "..%2F", "%2e%2e%2f", "1;2", "1,2",
                "1/2", "?", "#", "NaN", "Infinity", "true"}) {
            base.add(s);
        }
        return wrapped(base, "1");
    }

    /** Hostile numbers for an integer field. */
    public static List<Integer> integers() {
        Set<Integer> values = new LinkedHashSet<>();
        for (int i = -300; i <= 300; i++) {
            values.add(i);
        }
        for (int edge : new int[] {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, Integer.MAX_VALUE, Integer.MAX_VALUE - 1,
                1000, 9999, 10_000, 65_535, 65_536, 1 << 20, -(1 << 20)}) {
            values.add(edge);
        }
        return List.copyOf(values);
    }

    /** Hostile dates for a date field, around {@code today}. */
    public static List<java.time.LocalDate> dates(java.time.LocalDate today) {
        Set<java.time.LocalDate> values = new LinkedHashSet<>();
        for (int d = -250; d <= 250; d++) {
            values.add(today.plusDays(d));
        }
        for (java.time.LocalDate edge : new java.time.LocalDate[] {java.time.LocalDate.MIN, java.time.LocalDate.MAX,
                java.time.LocalDate.EPOCH, java.time.LocalDate.of(1, 1, 1), java.time.LocalDate.of(9999, 12, 31),
                java.time.LocalDate.of(10_000, 1, 1), java.time.LocalDate.of(-1, 1, 1), java.time.LocalDate.of(1900, 2, 28),
                java.time.LocalDate.of(2000, 2, 29), today.plusYears(200), today.minusYears(200)}) {
            values.add(edge);
        }
        return List.copyOf(values);
    }

    /** Times for a time field: every minute step of 3 over the day, and the edges a tampered browser can send. */
    public static List<java.time.LocalTime> times() {
        Set<java.time.LocalTime> values = new LinkedHashSet<>();
        for (java.time.LocalTime edge : new java.time.LocalTime[] {java.time.LocalTime.MIN, java.time.LocalTime.MAX,
                java.time.LocalTime.NOON, java.time.LocalTime.of(0, 0, 0, 1), java.time.LocalTime.of(23, 59, 59),
                java.time.LocalTime.of(10, 7, 33, 123_456_789), java.time.LocalTime.of(2, 30)}) {
            values.add(edge);
        }
        for (int minute = 0; minute < 24 * 60; minute += 3) {
            values.add(java.time.LocalTime.of(minute / 60, minute % 60));
        }
        return List.copyOf(values);
    }

    /** Each payload as is, with spaces around it, after a plausible value, and (if short) twice. */
    private static List<String> wrapped(List<String> payloads, String plausible) {
        Set<String> values = new LinkedHashSet<>();
        for (String payload : payloads) {
            values.add(payload);
            values.add(" " + payload + " ");
            values.add(plausible + payload);
            if (payload.length() < 100) {
                values.add(payload + payload);
            }
        }
        return List.copyOf(values);
    }
}
