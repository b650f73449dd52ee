package cn.mubiao.target.plan.domain;

import cn.mubiao.contracts.MubiaoEvent;
import cn.mubiao.contracts.target.PlanIssued;
import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.kit.domain.RuleViolation;
import cn.mubiao.kit.security.UnitCodes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * An annual target plan of one government (e.g. 2007年郑州市人民政府目标): DRAFT → ISSUED → IN_PROGRESS →
 * ASSESSED. Its targets may change freely while it is a draft; once issued only through adjustments.
 */
public final class Plan {

    private final String id;
    private final String issuerUnitCode;
    private final int year;
    private String title;
    private List<Category> categories;
    private LocalDate adjustmentDeadline;
    private PlanStatus status;
    private Instant issuedAt;
    private long version;
    private final List<MubiaoEvent> pendingEvents = new ArrayList<>();

    private Plan(String id, String issuerUnitCode, int year, String title, List<Category> categories,
                 LocalDate adjustmentDeadline, PlanStatus status, Instant issuedAt, long version) {
        this.id = id;
        this.issuerUnitCode = issuerUnitCode;
        this.year = year;
        this.title = title;
        this.categories = categories;
        this.adjustmentDeadline = adjustmentDeadline;
        this.status = status;
        this.issuedAt = issuedAt;
        this.version = version;
    }

    /** The plan id a government's plan for a year gets: {@code 410100-2007}. */
    public static String idOf(String issuerUnitCode, int year) {
        return issuerUnitCode + "-" + year;
    }

    public static Plan draft(String issuerUnitCode, int year, String title, List<Category> categories,
                             LocalDate adjustmentDeadline) {
        if (!UnitCodes.isWellFormed(issuerUnitCode) || UnitCodes.isDepartment(issuerUnitCode)) {
            throw new InvalidInput("issuerUnitCode", "须为一级政府的行政区划代码，如410100 / a government's division code such as 410100");
        }
        if (year < 2000 || year > 2100) {
            throw new InvalidInput("year", "年度应在2000至2100之间 / between 2000 and 2100");
        }
        Plan p = new Plan(idOf(issuerUnitCode, year), issuerUnitCode, year, null, List.of(), null, PlanStatus.DRAFT, null, 1);
        p.apply(title, categories, adjustmentDeadline);
        return p;
    }

    public static Plan restore(String id, String issuerUnitCode, int year, String title, List<Category> categories,
                               LocalDate adjustmentDeadline, PlanStatus status, Instant issuedAt, long version) {
        return new Plan(id, issuerUnitCode, year, title, List.copyOf(categories), adjustmentDeadline, status, issuedAt, version);
    }

    /**
     * Changes title, categories or the adjustment deadline of a draft.
     *
     * @return whether anything changed
     */
    public boolean describe(String title, List<Category> categories, LocalDate adjustmentDeadline) {
        LocalDate deadline = adjustmentDeadline == null ? this.adjustmentDeadline : adjustmentDeadline;
        if (title.equals(this.title) && List.copyOf(categories).equals(this.categories) && deadline.equals(this.adjustmentDeadline)) {
            return false;
        }
        requireDraft();
        apply(title, categories, adjustmentDeadline);
        version++;
        return true;
    }

    private void apply(String title, List<Category> categories, LocalDate adjustmentDeadline) {
        if (title == null || title.isBlank() || title.length() > 100) {
            throw new InvalidInput("title", "必填，不超过100字 / required, at most 100 characters");
        }
        if (categories == null || categories.isEmpty()) {
            throw new InvalidInput("categories", "至少一个目标类别 / at least one category");
        }
        var codes = new HashSet<String>();
        for (int i = 0; i < categories.size(); i++) {
            if (!codes.add(categories.get(i).code())) {
                throw new InvalidInput("categories[" + i + "].code", "类别代码重复 / category code listed twice");
            }
        }
        LocalDate deadline = adjustmentDeadline == null ? LocalDate.of(year, 7, 1) : adjustmentDeadline;
        if (deadline.getYear() != year) {
            throw new InvalidInput("adjustmentDeadline", "调整截止日须在" + year + "年内 / must lie in " + year);
        }
        this.title = title;
        this.categories = List.copyOf(categories);
        this.adjustmentDeadline = deadline;
    }

    /** Whether the plan has a category with this code. */
    public boolean hasCategory(String code) {
        return categories.stream().anyMatch(c -> c.code().equals(code));
    }

    /** Throws unless the plan is still a draft (its targets change freely only then). */
    public void requireDraft() {
        if (status != PlanStatus.DRAFT) {
            throw new RuleViolation("status", "计划" + status.label() + "，只能通过目标调整修改 / the plan is " + status
                    + ": change it through an adjustment");
        }
    }

    /** Issues the plan (下达): records {@code PlanIssued}; the check of its content happens before. */
    public void issue(Instant at, List<String> units, int targetCount, int assignmentCount) {
        requireDraft();
        status = PlanStatus.ISSUED;
        issuedAt = at;
        version++;
        pendingEvents.add(new PlanIssued(id, issuerUnitCode, year, title,
                categories.stream().map(c -> new PlanIssued.Category(c.code(), c.name())).toList(), units,
                targetCount, assignmentCount, adjustmentDeadline, at, version));
    }

    /** Every responsibility letter was acknowledged, or the office starts the year: reports follow. */
    public boolean start() {
        if (status == PlanStatus.IN_PROGRESS) {
            return false;
        }
        if (status != PlanStatus.ISSUED) {
            throw new RuleViolation("status", "只有已下达的计划才能开始执行 / only an issued plan can start; it is " + status);
        }
        status = PlanStatus.IN_PROGRESS;
        version++;
        return true;
    }

    /** The year-end assessment was published. */
    public void markAssessed() {
        if (status != PlanStatus.IN_PROGRESS && status != PlanStatus.ISSUED) {
            throw new RuleViolation("status", "计划尚未下达 / the plan is " + status);
        }
        status = PlanStatus.ASSESSED;
        version++;
    }

    /** Whether a unit may still ask for an adjustment on this day. */
    public boolean acceptsRequestsOn(LocalDate day) {
        return !day.isAfter(adjustmentDeadline);
    }

    public List<MubiaoEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }

    public String id() {
        return id;
    }

    public String issuerUnitCode() {
        return issuerUnitCode;
    }

    public int year() {
        return year;
    }

    public String title() {
        return title;
    }

    public List<Category> categories() {
        return categories;
    }

    public LocalDate adjustmentDeadline() {
        return adjustmentDeadline;
    }

    public PlanStatus status() {
        return status;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public long version() {
        return version;
    }
}
