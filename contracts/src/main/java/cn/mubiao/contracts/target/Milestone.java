package cn.mubiao.contracts.target;

import java.time.LocalDate;

/**
 * A dated step of a qualitative target (定性目标的节点): what must be done by when.
 *
 * @param due   the date by which it must be done
 * @param title what must be done, e.g. 完成可研批复
 */
public record Milestone(LocalDate due, String title) {
}
