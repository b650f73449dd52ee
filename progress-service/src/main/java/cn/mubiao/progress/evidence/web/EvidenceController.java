package cn.mubiao.progress.evidence.web;

import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.CurrentCaller;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.progress.evidence.application.AttachEvidence;
import cn.mubiao.progress.report.domain.Report;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Evidence files (佐证材料) of a report: upload as {@code multipart/form-data} part {@code file}, list, download. */
@RestController
@RequestMapping("/api/progress/reports/{id}/evidence")
class EvidenceController {

    private final AttachEvidence evidence;

    EvidenceController(AttachEvidence evidence) {
        this.evidence = evidence;
    }

    record EvidenceResponse(String fileId, String name, String contentType, long size, String sha256, String by,
                            Instant at, String href) {
        static EvidenceResponse of(String reportId, Report.Evidence e) {
            return new EvidenceResponse(e.fileId(), e.name(), e.contentType(), e.size(), e.sha256(), e.by(), e.at(),
                    "/api/progress/reports/" + reportId + "/evidence/" + e.fileId());
        }
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('reporter')")
    ResponseEntity<EvidenceResponse> upload(@CurrentCaller Caller caller, @PathVariable String id,
                                            @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        if (file == null) {
            throw ProblemException.invalid("file", "缺少文件（表单字段file） / the multipart part \"file\" is missing");
        }
        Report.Evidence stored = evidence.attach(caller, id, file.getOriginalFilename(), file.getSize(), file.getInputStream());
        EvidenceResponse body = EvidenceResponse.of(id, stored);
        return ResponseEntity.created(URI.create(body.href())).body(body);
    }

    @GetMapping
    List<EvidenceResponse> list(@CurrentCaller Caller caller, @PathVariable String id) {
        return evidence.list(caller, id).stream().map(e -> EvidenceResponse.of(id, e)).toList();
    }

    @GetMapping("/{fileId}")
    ResponseEntity<InputStreamResource> download(@CurrentCaller Caller caller, @PathVariable String id,
                                                 @PathVariable String fileId) {
        AttachEvidence.Download d = evidence.open(caller, id, fileId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.evidence().contentType()))
                .contentLength(d.evidence().size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.evidence().name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(d.content()));
    }
}
