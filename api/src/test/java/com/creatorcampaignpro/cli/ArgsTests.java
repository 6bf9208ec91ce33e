package com.creatorcampaignpro.cli;

import com.creatorcampaignpro.cli.Args.UsageException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgsTests {

    @Test
    void separatesPositionalWordsOptionsAndParameters() {
        Args a = Args.parse("executions", "housekeepingJob", "--status", "FAILED", "--limit=5");
        assertThat(a.command()).isEqualTo("executions");
        assertThat(a.positional()).containsExactly("housekeepingJob");
        assertThat(a.options()).isEqualTo(Map.of("status", "FAILED", "limit", "5"));

        Args launch = Args.parse("launch", "housekeepingJob", "batchSize=100", "note=a=b");
        assertThat(launch.pairs()).containsEntry("batchSize", "100").containsEntry("note", "a=b");
        assertThat(launch.positional()).isEqualTo(List.of("housekeepingJob"));
    }

    @Test
    void noArgumentsMeansHelp() {
        assertThat(Args.parse().command()).isEqualTo("help");
    }

    @Test
    void mistakesAreUsageErrorsThatSayWhatIsWrong() {
        assertThatThrownBy(() -> Args.parse("executions", "job", "--limit")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--limit needs a value");
        assertThatThrownBy(() -> Args.parse("launch", "job", "a=1", "a=2")).hasMessageContaining("a is given twice");
        assertThatThrownBy(() -> Args.parse("show").requiredId(0)).hasMessageContaining("show needs an execution id");
        assertThatThrownBy(() -> Args.parse("show", "abc").requiredId(0)).hasMessageContaining("'abc' is not an execution id");
    }
}
