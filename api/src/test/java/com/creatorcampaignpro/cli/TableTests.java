package com.creatorcampaignpro.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableTests {

    @Test
    void alignsColumnsToTheWidestCellAndNumbersToTheRight() {
        String table = new Table("ID", "STATUS", "JOB")
                .row(7, "COMPLETED", "housekeepingJob")
                .row(1042, "FAILED", null)
                .render();

        assertThat(table).isEqualTo(
                "ID    STATUS     JOB\n"
                + "   7  COMPLETED  housekeepingJob\n"
                + "1042  FAILED     -\n");
    }

    @Test
    void aColumnOfBlanksStaysLeftAligned() {
        assertThat(new Table("STEP", "FAILURE").row("prepare", null).row("finish", null).render())
                .isEqualTo("STEP     FAILURE\nprepare  -\nfinish   -\n");
    }

    @Test
    void emptyTablesSaySoAndLongCellsAreCut() {
        assertThat(new Table("JOB").render()).isEqualTo("JOB\n(none)\n");
        String cut = new Table("DESCRIPTION").row("x".repeat(100)).render();
        assertThat(cut.lines().skip(1).findFirst().orElseThrow()).hasSize(60).endsWith("…");
    }

    @Test
    void aRowMustFillEveryColumn() {
        assertThatThrownBy(() -> new Table("A", "B").row("only one")).isInstanceOf(IllegalArgumentException.class);
    }
}
