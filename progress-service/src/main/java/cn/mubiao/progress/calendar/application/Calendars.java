package cn.mubiao.progress.calendar.application;

import cn.mubiao.progress.ProgressProperties;
import cn.mubiao.progress.assignment.domain.Assignment;
import cn.mubiao.progress.calendar.domain.CalendarRules;
import cn.mubiao.progress.calendar.domain.ReportingCalendar;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/** Builds reporting calendars from the settings, and knows which day it is in the deadlines' time zone. */
@Component
class Calendars {

    private final CalendarRules rules;
    private final Clock clock;
    private final ProgressProperties progress;

    Calendars(ProgressProperties progress, CalendarProperties settings, Clock clock) {
        this.rules = new CalendarRules(progress.dueDay(), settings.remindDaysBefore(), settings.overdueCatchUpDays());
        this.clock = clock;
        this.progress = progress;
    }

    ReportingCalendar of(Assignment assignment) {
        return ReportingCalendar.of(assignment, rules);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(progress.zone()));
    }
}
