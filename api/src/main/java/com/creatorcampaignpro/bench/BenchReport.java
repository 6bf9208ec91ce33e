package com.creatorcampaignpro.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The table scripts/bench prints: one row per measured job, medians of the runs. */
public final class BenchReport {

    /** A measured row; {@code reference} names the row its ratio is against (or null). */
    public record Row(String id, String job, long items, double[] seconds, String reference, String note) {
        public double median() {
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();

    /** A row; {@code reference} is the id of an earlier row this one is compared with (its ratio), or null. */
    public void add(String id, String job, long items, double[] seconds, String reference, String note) {
        rows.add(new Row(id, job, items, seconds, reference, note));
    }

    /** A block printed as it is (a case's own table), before the notes. */
    public void text(String text) {
        texts.add(text);
    }

    public void note(String note) {
        notes.add(note);
    }

    private Row find(String id) {
        return rows.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    /**
     * The median of the per-run ratios when both rows ran as often (their runs interleave, so each
     * pair shared the machine's load of that moment), else the ratio of the medians.
     */
    static double ratio(Row row, Row reference) {
        if (row.seconds().length != reference.seconds().length) {
            return row.median() / reference.median();
        }
        double[] ratios = new double[row.seconds().length];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = row.seconds()[i] / reference.seconds()[i];
        }
        return new Row("", "", 0, ratios, null, "").median();
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        texts.forEach(out::append);
        if (rows.isEmpty()) {
            notes.forEach(note -> out.append("- ").append(note).append(System.lineSeparator()));
            return out.toString();
        }
        out.append(String.format("| %-44s | %10s | %13s | %10s | %-16s | %-30s | %s |%n", "job", "items", "wall time (s)",
                "items/s", "ratio", "note", "runs (s)"));
        out.append(String.format("|%s|%s|%s|%s|%s|%s|%s|%n", "-".repeat(46), "-".repeat(12), "-".repeat(15),
                "-".repeat(12), "-".repeat(18), "-".repeat(32), "-".repeat(10)));
        for (Row row : rows) {
            Row reference = row.reference() == null ? null : find(row.reference());
            String ratio = reference == null ? "" : String.format("%.2fx %s", ratio(row, reference), reference.id());
            StringBuilder runs = new StringBuilder();
            for (double s : row.seconds()) {
                runs.append(runs.isEmpty() ? "" : " ").append(String.format("%.3f", s));
            }
            out.append(String.format("| %-44s | %,10d | %13.3f | %,10.0f | %-16s | %-30s | %s |%n", row.job(), row.items(),
                    row.median(), row.items() / row.median(), ratio, row.note(), runs));
        }
        for (String note : notes) {
            out.append("- ").append(note).append(System.lineSeparator());
        }
        return out.toString();
    }
}
