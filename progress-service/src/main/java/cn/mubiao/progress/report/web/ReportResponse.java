package cn.mubiao.progress.report.web;

import cn.mubiao.contracts.progress.MilestoneProgress;
import cn.mubiao.progress.report.domain.Report;
import cn.mubiao.progress.report.domain.Report.Content;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * A report as the API shows it: the latest version's figures at the top (as the first release showed them), the
 * value that counts ({@code effective}), and the whole history. Percentages are rounded for display only.
 */
record ReportResponse(String id, String assignmentId, String unitCode, String period, String status, Integer version,
                      BigDecimal cumulativeActual, BigDecimal completion, BigDecimal completionPercent,
                      List<MilestoneProgress> milestones, String progress, String problems, String measures,
                      String reportedBy, Instant reportedAt, Boolean late, EffectiveResponse effective,
                      boolean verified, List<VersionResponse> versions, List<ValueResponse> values,
                      List<VerificationResponse> verifications, DraftResponse draft, List<EvidenceResponse> evidence) {

    record EvidenceResponse(String fileId, String name, String contentType, long size, String by, Instant at) {
    }

    record EffectiveResponse(BigDecimal value, String source, BigDecimal completion, BigDecimal completionPercent) {
    }

    record VersionResponse(int number, BigDecimal cumulativeActual, BigDecimal completion,
                           List<MilestoneProgress> milestones, String progress, String problems, String measures,
                           String by, Instant at, boolean late, String reason) {
    }

    record ValueResponse(String source, BigDecimal value, BigDecimal completion, String by, String unitCode, Instant at,
                         String note) {
    }

    record VerificationResponse(String decision, int version, String reason, String by, String unitCode, Instant at) {
    }

    record DraftResponse(BigDecimal cumulativeActual, List<MilestoneProgress> milestones, String progress,
                         String problems, String measures, String reason, String by, Instant at) {
    }

    static ReportResponse of(Report r) {
        Report.Version latest = r.submitted() ? r.latest() : null;
        Content c = latest == null ? null : latest.content();
        return new ReportResponse(r.id(), r.assignmentId(), r.unitCode(), r.period().code(), r.status().name(),
                latest == null ? null : latest.number(),
                c == null ? null : c.cumulativeActual(),
                latest == null ? null : latest.completion(),
                latest == null ? null : percent(latest.completion()),
                c == null ? List.of() : c.milestones(),
                c == null ? null : c.narrative().progress(),
                c == null ? null : c.narrative().problems(),
                c == null ? null : c.narrative().measures(),
                latest == null ? null : latest.by(),
                latest == null ? null : latest.at(),
                latest == null ? null : latest.late(),
                r.effective().map(e -> new EffectiveResponse(e.value(), e.source().name(), e.completion(),
                        percent(e.completion()))).orElse(null),
                r.verified().isPresent(),
                r.versions().stream().map(v -> new VersionResponse(v.number(), v.content().cumulativeActual(),
                        v.completion(), v.content().milestones(), v.content().narrative().progress(),
                        v.content().narrative().problems(), v.content().narrative().measures(), v.by(), v.at(), v.late(),
                        v.reason())).toList(),
                r.values().stream().map(v -> new ValueResponse(v.source().name(), v.value(), v.completion(), v.by(),
                        v.unitCode(), v.at(), v.note())).toList(),
                r.verifications().stream().map(v -> new VerificationResponse(v.decision().name(), v.version(),
                        v.reason(), v.by(), v.unitCode(), v.at())).toList(),
                r.draft().map(d -> new DraftResponse(d.content().cumulativeActual(), d.content().milestones(),
                        d.content().narrative().progress(), d.content().narrative().problems(),
                        d.content().narrative().measures(), d.reason(), d.by(), d.at())).orElse(null),
                r.evidence().stream().map(e -> new EvidenceResponse(e.fileId(), e.name(), e.contentType(), e.size(),
                        e.by(), e.at())).toList());
    }

    static BigDecimal percent(BigDecimal fraction) {
        return fraction == null ? null : fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP);
    }
}
