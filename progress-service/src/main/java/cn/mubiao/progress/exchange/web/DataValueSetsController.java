package cn.mubiao.progress.exchange.web;

import cn.mubiao.contracts.dhis2.DataValueSet;
import cn.mubiao.contracts.dhis2.ExportRequest;
import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.CurrentCaller;
import cn.mubiao.kit.web.DataValueSetAnswers;
import cn.mubiao.progress.exchange.application.ExportDataValues;
import cn.mubiao.progress.exchange.application.ImportDataValues;
import cn.mubiao.progress.exchange.domain.ImportOptions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * DHIS2's {@code dataValueSets} resource under the DHIS2-style base URL {@code /api/progress/dhis2}: import
 * (reporters and monitors; the ledger decides the source from the caller) and export (anyone, within their scope;
 * the province client is confined to its own feed). See docs/dhis2-exchange.md.
 */
@RestController
@RequestMapping(DataValueSetsController.BASE)
class DataValueSetsController {

    /** The DHIS2 base URL is {@code <gateway>/api/progress/dhis2}; DHIS2's Web API lies under its {@code /api}. */
    static final String BASE = "/api/progress/dhis2/api";

    private final ImportDataValues importer;
    private final ExportDataValues exporter;

    DataValueSetsController(ImportDataValues importer, ExportDataValues exporter) {
        this.importer = importer;
        this.exporter = exporter;
    }

    @PostMapping(path = "/dataValueSets", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('reporter', 'monitor')")
    ResponseEntity<ImportSummaryResponse> importJson(@CurrentCaller Caller caller, ImportParameters parameters,
                                                     @RequestBody DataValueSetRequest body) {
        // id schemes in the payload win over the query parameters (DHIS2's precedence)
        ImportOptions options = ImportOptions.parse(parameters.dryRun(),
                firstNonNull(body.idScheme(), parameters.idScheme()),
                firstNonNull(body.dataElementIdScheme(), parameters.dataElementIdScheme()),
                firstNonNull(body.orgUnitIdScheme(), parameters.orgUnitIdScheme()),
                parameters.importStrategy(), parameters.async(), parameters.firstRowIsHeader());
        return answer(ImportSummaryResponse.of(importer.importSet(caller, body.toDomain(), options), options));
    }

    @PostMapping(path = "/dataValueSets", consumes = {"application/csv", "text/csv"})
    @PreAuthorize("hasAnyRole('reporter', 'monitor')")
    ResponseEntity<ImportSummaryResponse> importCsv(@CurrentCaller Caller caller, ImportParameters parameters,
                                                    @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                                    @RequestBody(required = false) byte[] body) {
        ImportOptions options = ImportOptions.parse(parameters.dryRun(), parameters.idScheme(),
                parameters.dataElementIdScheme(), parameters.orgUnitIdScheme(), parameters.importStrategy(),
                parameters.async(), parameters.firstRowIsHeader());
        String csv = decode(body == null ? new byte[0] : body, charsetOf(contentType));
        return answer(ImportSummaryResponse.of(importer.importCsv(caller, csv, options), options));
    }

    /** JSON, or CSV when the {@code Accept} header prefers {@code application/csv} or {@code text/csv}. */
    @GetMapping("/dataValueSets")
    ResponseEntity<?> export(@CurrentCaller Caller caller, ExportRequest parameters,
                             @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        return DataValueSetAnswers.negotiated(exporter.export(caller, parameters), accept);
    }

    @GetMapping("/dataValueSets.json")
    ResponseEntity<DataValueSet> exportJson(@CurrentCaller Caller caller, ExportRequest parameters) {
        return DataValueSetAnswers.json(exporter.export(caller, parameters));
    }

    @GetMapping("/dataValueSets.csv")
    ResponseEntity<byte[]> exportCsv(@CurrentCaller Caller caller, ExportRequest parameters) {
        return DataValueSetAnswers.csv(exporter.export(caller, parameters));
    }

    private static ResponseEntity<ImportSummaryResponse> answer(ImportSummaryResponse response) {
        return ResponseEntity.status(response.httpStatusCode()).contentType(MediaType.APPLICATION_JSON).body(response);
    }

    private static Charset charsetOf(String contentType) {
        try {
            Charset charset = MediaType.parseMediaType(contentType).getCharset();
            return charset == null ? StandardCharsets.UTF_8 : charset;
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static String decode(byte[] body, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInput("body", "不是 " + charset.name() + " 编码的文本 / not " + charset.name() + " text");
        }
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
