package cn.mubiao.target.alignment.application;

import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.kit.events.Outbox;
import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.target.alignment.domain.Alignment;
import cn.mubiao.target.assignment.domain.Assignment;
import cn.mubiao.target.assignment.persistence.AssignmentStore;
import cn.mubiao.target.plan.application.DraftPlans;
import cn.mubiao.target.plan.domain.Plan;
import cn.mubiao.target.plan.domain.PlanStatus;
import cn.mubiao.target.plan.domain.PlannedTarget;
import cn.mubiao.target.plan.domain.Provenance;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 004, after the plan was issued: "对我市原来虽列入考核目标但目标值低于省标准的予以适当调整". Every target of an
 * issued plan that the province holds to a stricter value than the city's is raised to it by changes ordered from
 * above (ADR 0008): the lead units to the province's value; for a cumulative target every share in the same
 * proportion, rounded up so each level still adds up to at least the one above it. Levels and ceilings are the
 * lead's alone (a county's own level stays its own).
 *
 * <p>Each change is its own write, shares deepest first and the leads last, each tagged with a reason naming the
 * province's indicator and value: run again after an interruption, it skips what was changed already and works from
 * the leads' values, which change last, so nothing is raised twice.
 */
@Component
public class RealignIssuedPlan {

    private final DraftPlans drafts;
    private final AlignWithProvince align;
    private final AssignmentStore assignments;
    private final Outbox outbox;
    private final Clock clock;

    RealignIssuedPlan(DraftPlans drafts, AlignWithProvince align, AssignmentStore assignments, Outbox outbox, Clock clock) {
        this.drafts = drafts;
        this.align = align;
        this.assignments = assignments;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** One assignment raised. */
    public record Change(String assignmentId, String unitCode, String role, BigDecimal from, BigDecimal to) {
    }

    /**
     * What realigning did to one target the province holds to a stricter value.
     *
     * @param note why nothing changed, when nothing did
     */
    public record TargetRealignment(String targetCode, String provinceCode, BigDecimal cityValue,
                                    BigDecimal provinceValue, List<Change> changes, String note) {
    }

    public List<TargetRealignment> realign(Caller caller, String planId) {
        Plan plan = drafts.draftToEdit(caller, planId);
        if (plan.status() == PlanStatus.DRAFT) {
            throw ProblemException.conflict("status", "草拟中的计划在导入省目录时已按就高不就低对齐，无需下令调整 / a draft is "
                    + "aligned when the catalogue is imported: nothing to order");
        }
        if (plan.status() == PlanStatus.ASSESSED) {
            throw ProblemException.conflict("status", "计划已考核，不能再调整 / the plan is assessed: no more changes");
        }
        Alignment alignment = align.alignment(caller, planId);
        List<TargetRealignment> out = new ArrayList<>();
        for (Alignment.Match m : alignment.matches()) {
            if (m.provenance() == Provenance.PROVINCE) {
                out.add(realign(caller, plan, m));
            }
        }
        return out;
    }

    private TargetRealignment realign(Caller caller, Plan plan, Alignment.Match m) {
        BigDecimal province = m.effectiveValue();
        String reason = "省市对接（就高不就低）：省考指标%s目标值%s%s，高于本市%s，按省目标调整 / aligned with the province's %s: %s over the city's %s"
                .formatted(m.indicator().code(), province.toPlainString(), m.indicator().unitOfMeasure() == null ? ""
                        : m.indicator().unitOfMeasure(), m.cityValue().toPlainString(), m.indicator().code(),
                        province.toPlainString(), m.cityValue().toPlainString());
        List<Assignment> all = assignments.ofTarget(PlannedTarget.idOf(plan.id(), m.targetCode())).stream()
                .filter(a -> !a.withdrawn()).toList();
        List<Assignment> leads = all.stream().filter(a -> "LEAD".equals(a.terms().role())).toList();
        if (leads.isEmpty()) {
            return new TargetRealignment(m.targetCode(), m.indicator().code(), m.cityValue(), province, List.of(),
                    "没有承担单位 / no lead unit holds it");
        }
        IndicatorKind kind = leads.getFirst().terms().kind();
        if (leads.stream().allMatch(a -> atLeastAsStrict(kind, a.terms().targetValue(), province))) {
            return new TargetRealignment(m.targetCode(), m.indicator().code(), m.cityValue(), province, List.of(),
                    "已不低于省目标 / already at the province's value or stricter");
        }
        Map<Assignment, BigDecimal> next = new HashMap<>();
        if (kind == IndicatorKind.CUMULATIVE) {
            BigDecimal base = leads.stream().map(a -> a.terms().targetValue()).max(Comparator.naturalOrder()).orElseThrow();
            BigDecimal ratio = province.divide(base, MathContext.DECIMAL128);
            int scale = Math.max(2, all.stream().mapToInt(a -> a.terms().targetValue().scale()).max().orElse(0));
            scale = Math.max(scale, province.scale());
            for (Assignment a : all) {
                if ("SHARE".equals(a.terms().role())) {
                    next.put(a, a.terms().targetValue().multiply(ratio).setScale(scale, RoundingMode.CEILING));
                }
            }
        }
        leads.forEach(a -> next.put(a, province));
        Map<String, Assignment> byId = new HashMap<>();
        all.forEach(a -> byId.put(a.id(), a));
        List<Change> changes = new ArrayList<>();
        next.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<Assignment, BigDecimal> e) -> -depth(e.getKey(), byId))
                        .thenComparing(e -> e.getKey().id()))
                .forEach(e -> {
                    Assignment a = e.getKey();
                    BigDecimal to = e.getValue();
                    BigDecimal from = a.terms().targetValue();
                    boolean done = a.adjustments().stream().anyMatch(r -> reason.equals(r.reason()));
                    if (done || atLeastAsStrict(kind, from, to)) {
                        return;
                    }
                    var read = AssignmentStore.Stored.of(a);
                    a.orderProvinceAlignment(to, province, m.cityValue(), reason, caller.username(), clock.instant());
                    if (!assignments.save(a, read, outbox.entries(a.pendingEvents()))) {
                        throw ProblemException.conflict("version", "目标" + m.targetCode() + "刚被他人修改，请重试（已调整的不会重复） / "
                                + a.id() + " changed meanwhile: repeat, nothing is raised twice");
                    }
                    outbox.written();
                    changes.add(new Change(a.id(), a.terms().unitCode(), a.terms().role(), from, to));
                });
        return new TargetRealignment(m.targetCode(), m.indicator().code(), m.cityValue(), province, changes, null);
    }

    /** How far below the target an assignment sits (a lead 0, its share 1, the share's share 2 ...). */
    private static int depth(Assignment a, Map<String, Assignment> byId) {
        int d = "LEAD".equals(a.terms().role()) ? 0 : 1;
        String parent = a.terms().parentAssignmentId();
        while (parent != null && byId.containsKey(parent) && d < 50) {
            Assignment p = byId.get(parent);
            if ("LEAD".equals(p.terms().role())) {
                break;
            }
            d++;
            parent = p.terms().parentAssignmentId();
        }
        return d;
    }

    private static boolean atLeastAsStrict(IndicatorKind kind, BigDecimal value, BigDecimal standard) {
        return kind == IndicatorKind.CEILING ? value.compareTo(standard) <= 0 : value.compareTo(standard) >= 0;
    }
}
