package cn.mubiao.target.workbook;

import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.CurrentCaller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The decomposition table in Excel: the target office exports a plan's targets and imports them back, as
 * multipart ({@code file}) or as the raw .xlsx body. {@code dryRun=true} checks without writing.
 */
@RestController
class WorkbookController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ImportTargets imports;

    WorkbookController(ImportTargets imports) {
        this.imports = imports;
    }

    @PostMapping(value = "/api/targets/plans/{planId}/targets/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('target-office')")
    ImportTargets.Summary importForm(@CurrentCaller Caller caller, @PathVariable String planId,
                                     @RequestPart("file") MultipartFile file,
                                     @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return imports.importSheet(caller, planId, in, dryRun);
        }
    }

    @PostMapping(value = "/api/targets/plans/{planId}/targets/import", consumes = XLSX)
    @PreAuthorize("hasRole('target-office')")
    ImportTargets.Summary importBody(@CurrentCaller Caller caller, @PathVariable String planId, InputStream body,
                                     @RequestParam(defaultValue = "false") boolean dryRun) {
        return imports.importSheet(caller, planId, body, dryRun);
    }

    @GetMapping("/api/targets/plans/{planId}/targets/export")
    @PreAuthorize("hasRole('target-office')")
    ResponseEntity<byte[]> export(@CurrentCaller Caller caller, @PathVariable String planId) throws IOException {
        var out = new ByteArrayOutputStream();
        imports.export(caller, planId, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(planId + "-目标分解表.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(out.toByteArray());
    }
}
