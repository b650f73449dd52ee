package cn.mubiao.progress.calendar.web;

import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.CurrentCaller;
import cn.mubiao.progress.calendar.application.ReadCalendar;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An assignment's reporting calendar: its periods, deadlines, reminder dates and where each stands today. */
@RestController
@RequestMapping("/api/progress/calendar")
class CalendarController {

    private final ReadCalendar read;

    CalendarController(ReadCalendar read) {
        this.read = read;
    }

    @GetMapping
    CalendarResponse ofAssignment(@CurrentCaller Caller caller, @RequestParam String assignmentId) {
        return CalendarResponse.of(read.of(caller, assignmentId));
    }
}
