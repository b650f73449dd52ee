package cn.mubiao.progress.exchange.web;

import cn.mubiao.contracts.dhis2.IdScheme;
import cn.mubiao.progress.exchange.domain.Conflict;
import cn.mubiao.progress.exchange.domain.ImportOptions;
import cn.mubiao.progress.exchange.domain.ImportSummary;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DHIS2's answer to an import: a web message wrapping the import summary. Without conflicts it is 200
 * {@code OK / "Import was successful."}; with any it is 409 {@code WARNING / "One more conflicts encountered,
 * please check import summary."}, as DHIS2 answers. The messages stay DHIS2's English words (clients compare
 * them); the conflicts' reasons are ours, Chinese first.
 */
record ImportSummaryResponse(String httpStatus, int httpStatusCode, String status, String message, Summary response) {

    static final String SUCCESSFUL = "Import was successful.";
    static final String CONFLICTS = "One more conflicts encountered, please check import summary.";

    record Summary(String responseType, String status, Options importOptions, String description, Count importCount,
                   List<ConflictResponse> conflicts, List<Integer> rejectedIndexes, String dataSetComplete) {
    }

    record Options(Map<String, Scheme> idSchemes, boolean dryRun, boolean async, String importStrategy,
                   boolean firstRowIsHeader) {
    }

    /**
     * One identifier scheme as DHIS2 types it in its import options (an {@code IdScheme} object, not a string): the
     * DHIS2 Java SDK's 2.40 resource model fails on a bare string here.
     */
    record Scheme(String identifiableProperty) {
        static Scheme of(IdScheme scheme) {
            return new Scheme(scheme.name());
        }
    }

    record Count(int imported, int updated, int ignored, int deleted) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ConflictResponse(String object, String value, String errorCode, String property, List<Integer> indexes) {
        static ConflictResponse of(Conflict c) {
            return new ConflictResponse(c.object(), c.value(), c.errorCode(), c.property(), c.indexes());
        }
    }

    static ImportSummaryResponse of(ImportSummary summary, ImportOptions options) {
        boolean conflicts = summary.hasConflicts();
        var count = summary.importCount();
        Map<String, Scheme> schemes = new LinkedHashMap<>();
        schemes.put("idScheme", Scheme.of(options.idSchemes().idScheme()));
        schemes.put("dataElementIdScheme", Scheme.of(options.idSchemes().dataElementIdScheme()));
        schemes.put("orgUnitIdScheme", Scheme.of(options.idSchemes().orgUnitIdScheme()));
        var body = new Summary("ImportSummary", summary.status(),
                new Options(schemes, summary.dryRun(), false, ImportOptions.CREATE_AND_UPDATE, options.firstRowIsHeader()),
                "Import process completed successfully",
                new Count(count.imported(), count.updated(), count.ignored(), count.deleted()),
                summary.conflicts().stream().map(ConflictResponse::of).toList(), summary.rejectedIndexes(), "false");
        return conflicts
                ? new ImportSummaryResponse("Conflict", 409, "WARNING", CONFLICTS, body)
                : new ImportSummaryResponse("OK", 200, "OK", SUCCESSFUL, body);
    }
}
