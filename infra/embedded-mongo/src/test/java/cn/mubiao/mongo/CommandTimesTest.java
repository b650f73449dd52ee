package cn.mubiao.mongo;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CommandTimesTest {

    @Test
    void eachSpanListsTheCostliestCollectionsFirstWithCountTotalAndMeanThenStartsAfresh() {
        CommandTimes times = new CommandTimes();
        times.add("query", "progress.assignments", 1_000_000);
        times.add("update", "scoring.assessment_unit_years", 5_000_000);
        times.add("update", "scoring.assessment_unit_years", 7_000_000);

        String[] lines = times.drain().split("\n");

        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("update", "scoring.assessment_unit_years", "n=      2", "total=    12.0 ms",
                "mean=6.000 ms");
        assertThat(lines[1]).contains("query", "progress.assignments", "n=      1", "mean=1.000 ms");
        assertThat(times.drain()).isEmpty();
    }

    @Test
    void nothingIsTimedOrPrintedUnlessAnIntervalIsSet() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(CommandTimes.start(0, new PrintStream(out, true, StandardCharsets.UTF_8))).isNull();
        assertThat(CommandTimes.instance()).as("the property is not set in tests").isNull();
        assertThat(CommandTimes.timed("update", null, () -> "done")).isEqualTo("done");
        assertThat(out.size()).isZero();
    }
}
