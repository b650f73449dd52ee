package cn.mubiao.progress.calendar.application;

import cn.mubiao.progress.assignment.domain.Assignment;
import cn.mubiao.progress.calendar.domain.Submission;

import java.util.Map;

/** Port: which periods of an assignment have a submitted report, and when, by period code. */
public interface ReportedPeriods {

    /** When each period of the assignment was first submitted, by period code. */
    Map<String, Submission> of(Assignment assignment);
}
