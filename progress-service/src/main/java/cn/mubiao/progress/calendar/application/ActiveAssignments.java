package cn.mubiao.progress.calendar.application;

import cn.mubiao.progress.assignment.domain.Assignment;

import java.util.function.Predicate;

/**
 * Which stored assignments are owed reminders. The one bean deciding it is {@code CalendarConfiguration#activeAssignments}.
 */
@FunctionalInterface
public interface ActiveAssignments extends Predicate<Assignment> {
}
