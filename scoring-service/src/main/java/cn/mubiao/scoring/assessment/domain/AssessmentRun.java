package cn.mubiao.scoring.assessment.domain;

import cn.mubiao.kit.domain.RuleViolation;

import java.time.Instant;

/**
 * The year-end assessment of one issuing government's area (第十三条): started (the year's rule set frozen), then
 * aggregated and approved by the leading group, then published. Each step asked again once done is a replay that
 * changes nothing ({@code false}); a step out of order is a 409.
 */
public final class AssessmentRun {

    public enum Status { OPEN, STARTED, APPROVED, PUBLISHED }

    /** Who took a step and when. */
    public record Step(String by, Instant at) {
    }

    private final int year;
    private final String issuerUnitCode;
    private final long revision;
    private Status status;
    private Integer ruleSetVersion;
    private Step started;
    private Step approved;
    private Step published;
    private int publishedUnits;

    private AssessmentRun(int year, String issuerUnitCode, long revision, Status status, Integer ruleSetVersion,
                          Step started, Step approved, Step published, int publishedUnits) {
        this.year = year;
        this.issuerUnitCode = issuerUnitCode;
        this.revision = revision;
        this.status = status;
        this.ruleSetVersion = ruleSetVersion;
        this.started = started;
        this.approved = approved;
        this.published = published;
        this.publishedUnits = publishedUnits;
    }

    public static AssessmentRun open(int year, String issuerUnitCode) {
        return new AssessmentRun(year, issuerUnitCode, 0, Status.OPEN, null, null, null, null, 0);
    }

    public static AssessmentRun restore(int year, String issuerUnitCode, long revision, Status status,
                                        Integer ruleSetVersion, Step started, Step approved, Step published,
                                        int publishedUnits) {
        return new AssessmentRun(year, issuerUnitCode, revision, status, ruleSetVersion, started, approved, published,
                publishedUnits);
    }

    /** @return false when it had started already */
    public boolean start(int frozenRuleSetVersion, Step step) {
        if (status != Status.OPEN) {
            return false;
        }
        status = Status.STARTED;
        ruleSetVersion = frozenRuleSetVersion;
        started = step;
        return true;
    }

    /** @return false when it was approved already */
    public boolean approve(Step step) {
        if (status == Status.OPEN) {
            throw new RuleViolation("status", "考核尚未开始 / the assessment has not started");
        }
        if (status != Status.STARTED) {
            return false;
        }
        status = Status.APPROVED;
        approved = step;
        return true;
    }

    /** Refuses publication before approval. */
    public void requireApproved() {
        if (status == Status.OPEN || status == Status.STARTED) {
            throw new RuleViolation("status", "考核结果尚未审定，不能发布 / the results are not approved yet");
        }
    }

    /** @return false when it was published already */
    public boolean publish(Step step, int units) {
        requireApproved();
        if (status == Status.PUBLISHED) {
            return false;
        }
        status = Status.PUBLISHED;
        published = step;
        publishedUnits = units;
        return true;
    }

    public int year() {
        return year;
    }

    public String issuerUnitCode() {
        return issuerUnitCode;
    }

    public long revision() {
        return revision;
    }

    public Status status() {
        return status;
    }

    public Integer ruleSetVersion() {
        return ruleSetVersion;
    }

    public Step started() {
        return started;
    }

    public Step approved() {
        return approved;
    }

    public Step published() {
        return published;
    }

    public int publishedUnits() {
        return publishedUnits;
    }
}
