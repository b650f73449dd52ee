package cn.mubiao.scoring.assessment.domain;

import cn.mubiao.contracts.MubiaoEvent;
import cn.mubiao.contracts.scoring.AssessmentPublished;
import cn.mubiao.contracts.scoring.ResultRevised;
import cn.mubiao.contracts.scoring.ResultRevised.Change;
import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.kit.domain.RuleViolation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A unit's published year-end result: version 1 as published, each later version made by an appeal's decision
 * (复议, 第二十条), none ever changed. Records {@code AssessmentPublished} when published and {@code ResultRevised}
 * when an appeal changes it, in {@link #pendingEvents()}.
 */
public final class PublishedResult {

    public enum AppealStatus { FILED, UPHELD, CHANGED }

    /** An appeal and, once decided, its decision; {@code resultVersion} is the version a change made. */
    public record Appeal(int number, String reason, String filedBy, Instant filedAt, AppealStatus status, String note,
                         String decidedBy, Instant decidedAt, Integer resultVersion, List<Change> changes) {
        public Appeal {
            changes = List.copyOf(changes);
        }
    }

    private final int year;
    private final String unitCode;
    private final String issuerUnitCode;
    private final long revision;
    private final List<ResultVersion> versions;
    private final List<Appeal> appeals;
    private final List<MubiaoEvent> pendingEvents = new ArrayList<>();

    private PublishedResult(int year, String unitCode, String issuerUnitCode, long revision, List<ResultVersion> versions,
                            List<Appeal> appeals) {
        this.year = year;
        this.unitCode = unitCode;
        this.issuerUnitCode = issuerUnitCode;
        this.revision = revision;
        this.versions = new ArrayList<>(versions);
        this.appeals = new ArrayList<>(appeals);
    }

    public static PublishedResult restore(int year, String unitCode, String issuerUnitCode, long revision,
                                          List<ResultVersion> versions, List<Appeal> appeals) {
        return new PublishedResult(year, unitCode, issuerUnitCode, revision, versions, appeals);
    }

    /** Publishes version 1 and records {@code AssessmentPublished}. */
    public static PublishedResult publish(int year, String issuerUnitCode, ResultVersion first, UnitResult result) {
        if (first.number() != 1) {
            throw new IllegalArgumentException("publication is version 1");
        }
        PublishedResult p = new PublishedResult(year, result.unitCode(), issuerUnitCode, 0, List.of(first), List.of());
        p.pendingEvents.add(new AssessmentPublished(year, issuerUnitCode, result.unitCode(), result.unitName(),
                categoryCode(first.category()), result.total(), result.displayTotal(), first.grade().name(),
                first.grade().zh() + " / " + first.grade().en(), first.place(), first.placesInCategory(),
                result.vetoed(), 1, first.at()));
        return p;
    }

    /** The unit files an appeal within {@code period} of publication; one open appeal at a time. */
    public Appeal fileAppeal(String reason, String by, Instant at, Duration period) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "须说明复议理由 / give the reason for the appeal");
        }
        Instant closes = versions.getFirst().at().plus(period);
        if (at.isAfter(closes)) {
            throw new RuleViolation("appeal", "复议期已于" + closes + "届满 / the appeal period ended at " + closes);
        }
        if (appeals.stream().anyMatch(a -> a.status() == AppealStatus.FILED)) {
            throw new RuleViolation("appeal", "已有未决复议 / an appeal is pending already");
        }
        Appeal appeal = new Appeal(appeals.size() + 1, reason.strip(), by, at, AppealStatus.FILED, null, null, null,
                null, List.of());
        appeals.add(appeal);
        return appeal;
    }

    /** The leading group upholds the result: nothing changes. */
    public Appeal uphold(int number, String note, String by, Instant at) {
        Appeal a = pending(number);
        Appeal decided = new Appeal(a.number(), a.reason(), a.filedBy(), a.filedAt(), AppealStatus.UPHELD, note, by, at,
                null, List.of());
        appeals.set(number - 1, decided);
        return decided;
    }

    /**
     * The leading group changes the result: {@code next} becomes the new current version (its number the next one),
     * and {@code ResultRevised} carries every changed line. A change that changes nothing is refused (uphold instead).
     */
    public Appeal change(int number, ResultVersion next, UnitResult before, UnitResult after) {
        Appeal a = pending(number);
        ResultVersion current = current();
        if (next.number() != current.number() + 1) {
            throw new IllegalArgumentException("the next version is " + (current.number() + 1));
        }
        List<Change> changes = ResultDiff.between(before, current.grade(), current.place(), after, next.grade(),
                next.place());
        if (changes.isEmpty()) {
            throw new InvalidInput("decision", "更正后结果没有变化，应维持原结果 / the correction changes nothing: uphold");
        }
        versions.add(next);
        Appeal decided = new Appeal(a.number(), a.reason(), a.filedBy(), a.filedAt(), AppealStatus.CHANGED, next.note(),
                next.by(), next.at(), next.number(), changes);
        appeals.set(number - 1, decided);
        pendingEvents.add(new ResultRevised(year, unitCode, after.unitName(), number, current.number(), next.number(),
                before.total(), after.total(), after.displayTotal(), next.grade().name(),
                next.grade().zh() + " / " + next.grade().en(), next.place(), next.note(), changes, next.at()));
        return decided;
    }

    private Appeal pending(int number) {
        if (number < 1 || number > appeals.size()) {
            throw new InvalidInput("appeal", "没有第" + number + "号复议 / no appeal " + number);
        }
        Appeal a = appeals.get(number - 1);
        if (a.status() != AppealStatus.FILED) {
            throw new RuleViolation("appeal", "第" + number + "号复议已决定，决定为终局 / appeal " + number
                    + " is decided already: the ruling is final");
        }
        return a;
    }

    private static String categoryCode(Category c) {
        return switch (c) {
            case DEPARTMENT -> "DEPARTMENTS";
            case TOWN -> "TOWNS";
            case STREET -> "STREETS";
        };
    }

    public ResultVersion current() {
        return versions.getLast();
    }

    public ResultVersion version(int number) {
        if (number < 1 || number > versions.size()) {
            throw new InvalidInput("version", "没有第" + number + "版 / no version " + number);
        }
        return versions.get(number - 1);
    }

    public List<MubiaoEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }

    public int year() {
        return year;
    }

    public String unitCode() {
        return unitCode;
    }

    public String issuerUnitCode() {
        return issuerUnitCode;
    }

    public long revision() {
        return revision;
    }

    public List<ResultVersion> versions() {
        return List.copyOf(versions);
    }

    public List<Appeal> appeals() {
        return List.copyOf(appeals);
    }
}
