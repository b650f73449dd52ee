package cn.mubiao.progress.evidence.application;

import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.progress.evidence.domain.EvidenceType;
import cn.mubiao.progress.evidence.persistence.EvidenceFiles;
import cn.mubiao.progress.report.application.ReadReports;
import cn.mubiao.progress.report.application.UnitReports;
import cn.mubiao.progress.report.domain.Report;
import com.mongodb.client.gridfs.GridFSDownloadStream;
import org.bson.Document;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Evidence files of a report (佐证材料): the unit's reporter attaches them, everyone who may read the report reads
 * them. The file is stored first and the report then refers to it in one guarded write; a file the report refuses
 * (too many, the same file twice) is discarded again, and one stored by a call that crashed in between is
 * referred to by nothing.
 */
@Component
@EnableConfigurationProperties(EvidenceProperties.class)
public class AttachEvidence {

    private final UnitReports unitReports;
    private final ReadReports read;
    private final EvidenceFiles files;
    private final EvidenceProperties settings;
    private final Clock clock;

    AttachEvidence(UnitReports unitReports, ReadReports read, EvidenceFiles files, EvidenceProperties settings, Clock clock) {
        this.unitReports = unitReports;
        this.read = read;
        this.files = files;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param declaredSize the size the upload declares, checked before anything is read (the stream is counted too)
     */
    public Report.Evidence attach(Caller caller, String reportId, String fileName, long declaredSize, InputStream content) {
        Report.Id id = Report.Id.parse(reportId).orElseThrow(() -> ProblemException.notFound("report", reportId));
        unitReports.requireOwn(caller, id.assignmentId());
        long max = settings.maxSize().toBytes();
        if (declaredSize > max) {
            throw tooLarge(max);
        }
        try (InputStream in = new BufferedInputStream(content)) {
            in.mark(EvidenceType.SIGNATURE_BYTES);
            byte[] head = in.readNBytes(EvidenceType.SIGNATURE_BYTES);
            in.reset();
            EvidenceType type = EvidenceType.of(fileName, head);
            if (declaredSize == 0 && head.length == 0) {
                throw ProblemException.invalid("file", "文件为空 / the file is empty");
            }
            EvidenceFiles.Stored stored;
            try {
                stored = files.store(in, fileName, type.contentType(), new Document("reportId", reportId)
                        .append("assignmentId", id.assignmentId()).append("uploadedBy", caller.username()), max);
            } catch (EvidenceFiles.TooLarge e) {
                throw tooLarge(max);
            }
            Report.Evidence evidence = new Report.Evidence(stored.fileId(), fileName.strip(), type.contentType(),
                    stored.size(), stored.sha256(), caller.username(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
            try {
                unitReports.attachEvidence(caller, reportId, evidence);
            } catch (RuntimeException refused) {
                files.discard(stored.fileId());
                throw refused;
            }
            return evidence;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Report.Evidence> list(Caller caller, String reportId) {
        return read.one(caller, reportId).evidence();
    }

    /** A file of a report the caller may read, with its stored description. */
    public record Download(Report.Evidence evidence, GridFSDownloadStream content) {
    }

    public Download open(Caller caller, String reportId, String fileId) {
        Report.Evidence evidence = read.one(caller, reportId).evidence().stream()
                .filter(e -> e.fileId().equals(fileId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("evidence", fileId));
        return new Download(evidence, files.open(fileId).orElseThrow(() -> ProblemException.notFound("evidence", fileId)));
    }

    private static ProblemException tooLarge(long max) {
        return ProblemException.tooLarge("file", "佐证材料每个不超过" + (max / (1024 * 1024)) + "MB / at most "
                + (max / (1024 * 1024)) + " MB per file");
    }
}
