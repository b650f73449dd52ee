package cn.mubiao.notification;

import cn.mubiao.notification.preference.domain.QuietHours;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuietHoursTest {

    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 30), ZoneId.of("Asia/Shanghai"));

    @Test
    void lateEveningIsHeldUntilHalfPastSevenNextMorningShanghaiTime() {
        assertThat(NIGHT.endIfQuiet(Instant.parse("2007-08-03T14:00:00Z"))) // 22:00 in Shanghai
                .contains(Instant.parse("2007-08-03T23:30:00Z"));
    }

    @Test
    void earlyMorningIsHeldUntilHalfPastSevenTheSameMorning() {
        assertThat(NIGHT.endIfQuiet(Instant.parse("2007-08-03T19:00:00Z"))) // 03:00 on 4 August
                .contains(Instant.parse("2007-08-03T23:30:00Z"));
    }

    @Test
    void theEndOfTheWindowAndDaytimeAreNotQuiet() {
        assertThat(NIGHT.endIfQuiet(Instant.parse("2007-08-03T23:30:00Z"))).isEmpty();
        assertThat(NIGHT.endIfQuiet(Instant.parse("2007-08-03T02:00:00Z"))).isEmpty();
        assertThat(NIGHT.endIfQuiet(Instant.parse("2007-08-03T13:59:59Z"))).isEmpty();
    }

    @Test
    void aWindowWithinOneDayWorksToo() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0), ZoneId.of("Asia/Shanghai"));

        assertThat(lunch.endIfQuiet(Instant.parse("2007-08-03T04:30:00Z"))).contains(Instant.parse("2007-08-03T06:00:00Z"));
        assertThat(lunch.endIfQuiet(Instant.parse("2007-08-03T06:00:00Z"))).isEmpty();
    }

    @Test
    void anEmptyWindowIsRefused() {
        assertThatThrownBy(() -> new QuietHours(LocalTime.NOON, LocalTime.NOON, ZoneId.of("UTC")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
