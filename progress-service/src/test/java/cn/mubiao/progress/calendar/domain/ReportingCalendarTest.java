package cn.mubiao.progress.calendar.domain;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.progress.ReportDue;
import cn.mubiao.contracts.progress.ReportOverdue;
import cn.mubiao.progress.assignment.domain.Assignment;
import cn.mubiao.progress.calendar.domain.ReportingCalendar.PeriodStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ReportingCalendarTest {

    private static final CalendarRules DEFAULTS = new CalendarRules(5, 3, 30);
    private static final Submission ON_TIME = new Submission(Instant.parse("2007-08-03T02:00:00Z"), false);
    private static final Submission LATE = new Submission(Instant.parse("2007-07-09T02:00:00Z"), true);

    static Assignment assignment(int year, Frequency frequency) {
        return new Assignment("410100-2007-A03@410102", "410102", "中原区", year, "新增城镇固定资产投资",
                IndicatorKind.CUMULATIVE, new BigDecimal("200"), "亿元", frequency, List.of(), "410100-TJJ", 1);
    }

    static ReportingCalendar calendar(Frequency frequency, CalendarRules rules) {
        return ReportingCalendar.of(assignment(2007, frequency), rules);
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    // --- the periods and their dates

    @Test
    void aMonthlyAssignmentHasTwelvePeriodsEachDueOnTheFifthOfTheNextMonth() {
        assertThat(calendar(Frequency.MONTHLY, DEFAULTS).periods())
                .extracting(p -> p.period().code(), CalendarPeriod::dueDate)
                .startsWith(tuple("200701", d("2007-02-05")), tuple("200702", d("2007-03-05")))
                .contains(tuple("200708", d("2007-09-05")))
                .endsWith(tuple("200712", d("2008-01-05")))
                .hasSize(12);
    }

    @Test
    void theDeadlineIsTheSameDayOfTheNextMonthWhateverTheMonthsLength() {
        for (int year : new int[]{2007, 2008}) {
            assertThat(ReportingCalendar.of(assignment(year, Frequency.MONTHLY), DEFAULTS).periods())
                    .allSatisfy(p -> {
                        assertThat(p.dueDate().getDayOfMonth()).as(p.period().code()).isEqualTo(5);
                        assertThat(p.dueDate().withDayOfMonth(1).minusMonths(1).getMonthValue())
                                .as(p.period().code()).isEqualTo(p.period().endMonth());
                    });
        }
    }

    @Test
    void aQuarterlyAssignmentHasFourQuartersWithTheirFirstAndLastDays() {
        assertThat(calendar(Frequency.QUARTERLY, DEFAULTS).periods())
                .extracting(p -> p.period().code(), p -> p.period().firstDay(), p -> p.period().lastDay(), CalendarPeriod::dueDate)
                .containsExactly(
                        tuple("2007Q1", d("2007-01-01"), d("2007-03-31"), d("2007-04-05")),
                        tuple("2007Q2", d("2007-04-01"), d("2007-06-30"), d("2007-07-05")),
                        tuple("2007Q3", d("2007-07-01"), d("2007-09-30"), d("2007-10-05")),
                        tuple("2007Q4", d("2007-10-01"), d("2007-12-31"), d("2008-01-05")));
    }

    @Test
    void aHalfYearlyAssignmentHasTwoHalves() {
        assertThat(calendar(Frequency.HALF_YEARLY, DEFAULTS).periods())
                .extracting(p -> p.period().code(), p -> p.period().firstDay(), CalendarPeriod::dueDate)
                .containsExactly(tuple("2007S1", d("2007-01-01"), d("2007-07-05")),
                        tuple("2007S2", d("2007-07-01"), d("2008-01-05")));
    }

    @Test
    void aYearlyAssignmentHasOnePeriodDueInJanuaryOfTheNextYear() {
        assertThat(calendar(Frequency.YEARLY, DEFAULTS).periods())
                .extracting(p -> p.period().code(), p -> p.period().firstDay(), CalendarPeriod::dueDate, CalendarPeriod::remindOn)
                .containsExactly(tuple("2007", d("2007-01-01"), d("2008-01-05"), d("2008-01-02")));
    }

    @ParameterizedTest(name = "due day {0}, remind {1} days before: 200708 due {2}, reminded from {3}")
    @CsvSource({
            "5, 3, 2007-09-05, 2007-09-02",
            "10, 3, 2007-09-10, 2007-09-07",
            "5, 7, 2007-09-05, 2007-08-29",
            "0, 0, 2007-08-31, 2007-08-31",
            "5, 60, 2007-09-05, 2007-08-01"})
    void theDeadlineAndTheReminderDateFollowTheSettingsButTheReminderNeverPrecedesThePeriod(
            int dueDay, int remindDaysBefore, LocalDate due, LocalDate remindOn) {
        CalendarPeriod august = calendar(Frequency.MONTHLY, new CalendarRules(dueDay, remindDaysBefore, 30)).periods().get(7);

        assertThat(august.period().code()).isEqualTo("200708");
        assertThat(august.dueDate()).isEqualTo(due);
        assertThat(august.remindOn()).isEqualTo(remindOn);
    }

    @Test
    void rulesRefuseNegativeDaysAndAnEmptyCatchUpWindow() {
        assertThatThrownBy(() -> new CalendarRules(-1, 3, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CalendarRules(5, -1, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CalendarRules(5, 3, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    // --- states

    @Test
    void eachPeriodsStateOnADayDependsOnItsDatesAndItsReport() {
        List<PeriodStatus> on = calendar(Frequency.MONTHLY, DEFAULTS)
                .on(d("2007-09-03"), Map.of("200706", LATE, "200707", ON_TIME));

        assertThat(on).extracting(s -> s.period().period().code(), PeriodStatus::state).containsExactly(
                tuple("200701", PeriodState.OVERDUE), tuple("200702", PeriodState.OVERDUE),
                tuple("200703", PeriodState.OVERDUE), tuple("200704", PeriodState.OVERDUE),
                tuple("200705", PeriodState.OVERDUE), tuple("200706", PeriodState.REPORTED_LATE),
                tuple("200707", PeriodState.REPORTED), tuple("200708", PeriodState.DUE_SOON),
                tuple("200709", PeriodState.OPEN), tuple("200710", PeriodState.UPCOMING),
                tuple("200711", PeriodState.UPCOMING), tuple("200712", PeriodState.UPCOMING));
        assertThat(on.get(5).submission()).isEqualTo(LATE);
        assertThat(on.get(7).submission()).isNull();
    }

    @ParameterizedTest(name = "200708 on {0}: {1}")
    @CsvSource({
            "2007-07-31, UPCOMING", "2007-08-01, OPEN", "2007-09-01, OPEN", "2007-09-02, DUE_SOON",
            "2007-09-05, DUE_SOON", "2007-09-06, OVERDUE", "2008-03-01, OVERDUE"})
    void anUnreportedPeriodIsDueSoonFromItsReminderDateToItsDeadlineInclusiveThenOverdue(LocalDate today, PeriodState state) {
        CalendarPeriod august = calendar(Frequency.MONTHLY, DEFAULTS).periods().get(7);

        assertThat(august.stateOn(today, null)).isEqualTo(state);
    }

    @Test
    void aReportedPeriodStaysReportedWhateverTheDay() {
        CalendarPeriod august = calendar(Frequency.MONTHLY, DEFAULTS).periods().get(7);

        assertThat(august.stateOn(d("2007-08-20"), ON_TIME)).isEqualTo(PeriodState.REPORTED);
        assertThat(august.stateOn(d("2008-03-01"), ON_TIME)).isEqualTo(PeriodState.REPORTED);
        assertThat(august.stateOn(d("2007-09-10"), LATE)).isEqualTo(PeriodState.REPORTED_LATE);
    }

    // --- notices

    @Test
    void aReminderIsOwedForTheUnreportedPeriodWhoseDeadlineIsNearAndNoneForAReportedOne() {
        List<Notice> owed = calendar(Frequency.MONTHLY, DEFAULTS).noticesOwed(d("2007-09-03"), Map.of("200707", ON_TIME));

        assertThat(owed).singleElement().satisfies(n -> {
            assertThat(n.id()).isEqualTo("410100-2007-A03@410102|200708|DUE");
            assertThat(n.kind()).isEqualTo(Notice.Kind.DUE);
            assertThat(n.pendingEvents()).singleElement().isEqualTo(new ReportDue("410100-2007-A03@410102", "410102",
                    "中原区", 2007, "新增城镇固定资产投资", "200708", d("2007-09-05"), 2));
        });
    }

    @Test
    void noReminderBeforeTheReminderDate() {
        assertThat(calendar(Frequency.MONTHLY, DEFAULTS).noticesOwed(d("2007-09-01"), Map.of("200707", ON_TIME))).isEmpty();
    }

    @Test
    void theReminderIsStillOwedOnTheDeadlineItself() {
        assertThat(calendar(Frequency.MONTHLY, DEFAULTS).noticesOwed(d("2007-09-05"), Map.of("200707", ON_TIME)))
                .extracting(Notice::id, n -> ((ReportDue) n.event()).daysLeft())
                .containsExactly(tuple("410100-2007-A03@410102|200708|DUE", 0));
    }

    @Test
    void theDayAfterTheDeadlineAnOverdueNoticeIsOwedInsteadOfTheReminder() {
        List<Notice> owed = calendar(Frequency.MONTHLY, DEFAULTS).noticesOwed(d("2007-09-06"), Map.of("200707", ON_TIME));

        assertThat(owed).singleElement().satisfies(n -> {
            assertThat(n.id()).isEqualTo("410100-2007-A03@410102|200708|OVERDUE");
            assertThat(n.pendingEvents()).singleElement().isEqualTo(new ReportOverdue("410100-2007-A03@410102", "410102",
                    "中原区", 2007, "新增城镇固定资产投资", "200708", d("2007-09-05"), d("2007-09-06"), 1));
        });
    }

    @Test
    void afterAnOutageAMissedReminderIsDroppedButTheOverdueNoticeIsCaughtUpWithItsTrueDaysOverdue() {
        // down from 2007-09-01 until 2007-09-12: the reminder window 09-02..09-05 passed unseen
        List<Notice> owed = calendar(Frequency.MONTHLY, DEFAULTS).noticesOwed(d("2007-09-12"), Map.of("200707", ON_TIME));

        assertThat(owed).extracting(Notice::kind, Notice::period).containsExactly(tuple(Notice.Kind.OVERDUE, "200708"));
        assertThat(((ReportOverdue) owed.getFirst().event()).daysOverdue()).isEqualTo(7);
    }

    @Test
    void anOverdueNoticeIsCaughtUpOnlyWithinTheCatchUpWindowSoOldPeriodsDoNotFloodAUnit() {
        ReportingCalendar calendar = calendar(Frequency.MONTHLY, new CalendarRules(5, 3, 30));
        Map<String, Submission> julyOnly = Map.of("200707", ON_TIME);

        assertThat(calendar.noticesOwed(d("2007-10-02"), julyOnly)).extracting(Notice::id)
                .containsExactly("410100-2007-A03@410102|200708|OVERDUE", "410100-2007-A03@410102|200709|DUE");
        assertThat(calendar.noticesOwed(d("2007-10-05"), julyOnly)).extracting(Notice::id)
                .contains("410100-2007-A03@410102|200708|OVERDUE");
        assertThat(calendar.noticesOwed(d("2007-10-06"), julyOnly)).extracting(Notice::id)
                .containsExactly("410100-2007-A03@410102|200709|OVERDUE");
    }

    @Test
    void aQuarterlyAssignmentIsRemindedOfItsQuarterAndAYearlyOneInJanuary() {
        assertThat(calendar(Frequency.QUARTERLY, DEFAULTS).noticesOwed(d("2007-10-02"), Map.of("2007Q2", ON_TIME)))
                .extracting(Notice::id).containsExactly("410100-2007-A03@410102|2007Q3|DUE");
        assertThat(calendar(Frequency.YEARLY, DEFAULTS).noticesOwed(d("2007-12-31"), Map.of())).isEmpty();
        assertThat(calendar(Frequency.YEARLY, DEFAULTS).noticesOwed(d("2008-01-02"), Map.of()))
                .extracting(Notice::id).containsExactly("410100-2007-A03@410102|2007|DUE");
    }

    @Test
    void theDatesAloneCallForNoticesThatAReportThenCancels() {
        ReportingCalendar calendar = calendar(Frequency.MONTHLY, DEFAULTS);

        assertThat(calendar.noticesCalledFor(d("2007-09-03"))).extracting(Notice::id)
                .containsExactly("410100-2007-A03@410102|200707|OVERDUE", "410100-2007-A03@410102|200708|DUE");
        assertThat(calendar.noticesOwed(d("2007-09-03"), Map.of("200707", ON_TIME, "200708", ON_TIME))).isEmpty();
    }
}
