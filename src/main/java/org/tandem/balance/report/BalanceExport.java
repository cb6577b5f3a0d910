package org.tandem.balance.report;

/** An exported file: its name (e.g. {@code tandem-balance-alex-and-sam-2026-12-02.csv}), media type and bytes. */
public record BalanceExport(String fileName, String contentType, byte[] content) {

    public BalanceExport {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
