package cn.mubiao.contracts.progress;

import java.time.LocalDate;

/**
 * Where one milestone of a qualitative target stands in a report (定性目标节点进展).
 *
 * @param title  the milestone as the target defines it
 * @param due    the date it is due by
 * @param done   whether it is done
 * @param doneOn the day it was done, when done
 * @param note   what was done or what holds it up
 */
public record MilestoneProgress(String title, LocalDate due, boolean done, LocalDate doneOn, String note) {
}
