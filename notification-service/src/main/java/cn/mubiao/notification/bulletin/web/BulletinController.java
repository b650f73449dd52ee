package cn.mubiao.notification.bulletin.web;

import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.CurrentCaller;
import cn.mubiao.kit.security.Roles;
import cn.mubiao.kit.security.UnitCodes;
import cn.mubiao.kit.web.FieldProblem;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.notification.bulletin.application.IssueBulletins;
import cn.mubiao.notification.bulletin.application.IssueBulletins.Preview;
import cn.mubiao.notification.bulletin.domain.Bulletin;
import cn.mubiao.notification.bulletin.domain.BulletinPeriod;
import cn.mubiao.notification.bulletin.rendering.BulletinHtml;
import cn.mubiao.notification.bulletin.rendering.BulletinPdf;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 定期通报 preview: a government's bulletin for a month or quarter — as issued when it was, else as it would be now —
 * for its own or a higher level's target office, leaders and auditors (404 outside the caller's unit scope, 403 for
 * anyone else in it).
 */
@RestController
@RequestMapping("/api/notifications/bulletins")
class BulletinController {

    private static final List<String> FORMATS = List.of("html", "pdf", "json");
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final IssueBulletins bulletins;

    BulletinController(IssueBulletins bulletins) {
        this.bulletins = bulletins;
    }

    /** {@code ?unitCode=410100&period=200707[&format=html|pdf|json]}: 400 naming each malformed parameter. */
    @GetMapping("/preview")
    ResponseEntity<?> preview(@CurrentCaller Caller caller, @RequestParam String unitCode, @RequestParam String period,
                              @RequestParam(defaultValue = "html") String format) {
        List<FieldProblem> errors = new ArrayList<>();
        if (!UnitCodes.isWellFormed(unitCode)) {
            errors.add(new FieldProblem("unitCode", "不是单位代码 / not a unit code, e.g. 410100"));
        }
        Optional<BulletinPeriod> p = BulletinPeriod.parse(period);
        if (p.isEmpty()) {
            errors.add(new FieldProblem("period", "应为月份或季度 / a month or a quarter, e.g. 200707 or 2007Q3"));
        }
        if (!FORMATS.contains(format)) {
            errors.add(new FieldProblem("format", "应为 / one of " + FORMATS));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (!caller.covers(unitCode)) {
            throw ProblemException.notFound("通报 / bulletin", unitCode + " " + period);
        }
        if (!caller.hasRole(Roles.TARGET_OFFICE) && !caller.hasRole(Roles.LEADER) && !caller.hasRole(Roles.AUDITOR)) {
            throw ProblemException.forbidden("通报预览限目标办、领导和审计 / the target office, leaders and auditors preview bulletins");
        }
        Preview preview = bulletins.preview(unitCode, p.get());
        Bulletin b = preview.bulletin();
        return switch (format) {
            case "pdf" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                            .filename("bulletin-" + b.issuerUnitCode() + "-" + b.period().code() + ".pdf").build().toString())
                    .body(BulletinPdf.render(b, bulletins.zone()));
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(BulletinResponse.of(b, preview.issued()));
            default -> ResponseEntity.ok().contentType(HTML).body(BulletinHtml.render(b, bulletins.zone()));
        };
    }
}
