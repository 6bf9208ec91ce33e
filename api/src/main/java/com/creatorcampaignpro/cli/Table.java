package com.creatorcampaignpro.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with columns aligned to their widest cell; numbers right-aligned. */
final class Table {
    private static final int MAX_CELL = 60;

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... headers) {
        this.headers = List.of(headers);
    }

    Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell(cell));
        }
        rows.add(row);
        return this;
    }

    String render() {
        int[] widths = new int[headers.size()];
        boolean[] numeric = new boolean[headers.size()];
        for (int c = 0; c < headers.size(); c++) {
            widths[c] = headers.get(c).length();
            boolean allNumbers = true;
            boolean anyNumber = false;
            for (List<String> row : rows) {
                String cell = row.get(c);
                widths[c] = Math.max(widths[c], cell.length());
                boolean number = cell.matches("-?[0-9][0-9,.]*( ms| s)?");
                anyNumber |= number;
                allNumbers &= number || cell.equals("-");
            }
            // a column of numbers (and blanks) reads best right-aligned; a column of blanks does not
            numeric[c] = anyNumber && allNumbers;
        }
        StringBuilder out = new StringBuilder();
        line(out, headers, widths, new boolean[headers.size()]);
        for (List<String> row : rows) {
            line(out, row, widths, numeric);
        }
        if (rows.isEmpty()) {
            out.append("(none)\n");
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths, boolean[] rightAligned) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append("  ");
            }
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            line.append(rightAligned[c] ? pad + cell : cell + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String cell(Object value) {
        if (value == null) {
            return "-";
        }
        String text = value.toString().replace('\n', ' ').replace('\t', ' ').strip();
        if (text.isEmpty()) {
            return "-";
        }
        return text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 1) + "…" : text;
    }
}
