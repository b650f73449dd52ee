package cn.mubiao.progress.report.web;

import cn.mubiao.contracts.progress.MilestoneProgress;
import cn.mubiao.progress.report.domain.Narrative;
import cn.mubiao.progress.report.domain.Report.Content;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The parts of a report the unit writes, shared by submissions, corrections and drafts. */
final class ContentRequest {

    private ContentRequest() {
    }

    record NarrativeRequest(@Size(max = 4000) String progress, @Size(max = 4000) String problems,
                            @Size(max = 4000) String measures) {
    }

    record MilestoneRequest(@NotBlank(message = "必填 / required") @Size(max = 200) String title,
                            @NotNull(message = "必填 / required") Boolean done,
                            LocalDate doneOn,
                            @Size(max = 2000) String note) {
    }

    /** Bean-validation limits of a cumulative actual. */
    static final String TOO_LARGE = "数值过大或小数位过多 / too large or too many decimals";
    static final String NEGATIVE = "不能为负数 / must not be negative";

    static Content content(BigDecimal actual, List<MilestoneRequest> milestones, NarrativeRequest n) {
        return new Content(actual,
                milestones == null ? List.of() : milestones.stream()
                        .map(m -> new MilestoneProgress(m.title(), null, m.done(), m.doneOn(), m.note())).toList(),
                n == null ? null : new Narrative(n.progress(), n.problems(), n.measures()));
    }

    /** A report for a period, submitted directly (no draft before it). */
    record Submit(
            @NotBlank(message = "必填 / required") @Size(max = 100) String assignmentId,
            @NotBlank(message = "必填 / required")
            @jakarta.validation.constraints.Pattern(regexp = "[0-9]{4}([0-9]{2}|Q[1-4]|S[12])?",
                    message = "报告期代码应如202407、2024Q3、2024S1、2024 / a period code such as 202407")
            String period,
            @DecimalMin(value = "0", message = NEGATIVE) @Digits(integer = 15, fraction = 6, message = TOO_LARGE)
            BigDecimal cumulativeActual,
            @Valid @Size(max = 100) List<MilestoneRequest> milestones,
            @Valid NarrativeRequest narrative) {

        Content content() {
            return ContentRequest.content(cumulativeActual, milestones, narrative);
        }
    }

    /** A correction of a submitted report, or a draft: the content and, for a correction, why. */
    record Revise(
            @DecimalMin(value = "0", message = NEGATIVE) @Digits(integer = 15, fraction = 6, message = TOO_LARGE)
            BigDecimal cumulativeActual,
            @Valid @Size(max = 100) List<MilestoneRequest> milestones,
            @Valid NarrativeRequest narrative,
            @Size(max = 2000) String reason) {

        Content content() {
            return ContentRequest.content(cumulativeActual, milestones, narrative);
        }
    }
}
