package cn.mubiao.progress.calendar.application;

import cn.mubiao.progress.calendar.domain.Submission;

import java.util.Map;

/** Port: which periods of an assignment have a submitted report, and when, by period code. */
public interface ReportedPeriods {

    Map<String, Submission> of(String assignmentId);
}
