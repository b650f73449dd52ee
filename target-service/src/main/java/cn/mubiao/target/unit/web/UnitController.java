package cn.mubiao.target.unit.web;

import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.CurrentCaller;
import cn.mubiao.kit.security.Level;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.target.unit.application.BrowseUnits;
import cn.mubiao.target.unit.application.MaintainUnits;
import cn.mubiao.target.unit.domain.AssessmentCategory;
import cn.mubiao.target.unit.domain.Contact;
import cn.mubiao.target.unit.domain.DepartmentKind;
import cn.mubiao.target.unit.domain.Profile;
import cn.mubiao.target.unit.domain.RegionKind;
import cn.mubiao.target.unit.domain.UnitStatus;
import cn.mubiao.target.unit.persistence.UnitStore;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/** The unit tree (单位): the target office maintains it; everyone reads what their unit covers. */
@RestController
@RequestMapping("/api/targets/units")
class UnitController {

    private static final int MAX_PAGE_SIZE = 200;

    private final MaintainUnits maintain;
    private final BrowseUnits browse;

    UnitController(MaintainUnits maintain, BrowseUnits browse) {
        this.maintain = maintain;
        this.browse = browse;
    }

    /** 201 registered, 200 changed (new version) or unchanged (same version). */
    @PutMapping("/{code}")
    @PreAuthorize("hasRole('target-office')")
    ResponseEntity<UnitResponse> put(@CurrentCaller Caller caller, @PathVariable String code,
                                     @Valid @RequestBody UnitRequest r) {
        if (r.code() != null && !r.code().equals(code)) {
            throw ProblemException.invalid("code", "与路径中的单位代码" + code + "不一致 / differs from the code in the path");
        }
        RegionKind kind = parse(r.kind(), RegionKind.parse(r.kind()), "kind", "省、市、县、县级市、区、开发区、镇、乡、街道");
        DepartmentKind departmentKind = parse(r.departmentKind(), DepartmentKind.parse(r.departmentKind()), "departmentKind",
                "党委部门、群团组织、政府部门、人大政协机构、法院、检察院、公安");
        AssessmentCategory category = parse(r.assessmentCategory(), AssessmentCategory.parse(r.assessmentCategory()),
                "assessmentCategory", "区直部门、镇乡、街道");
        List<Contact> contacts = Contact.of(r.contacts() == null ? null : r.contacts().stream()
                .map(c -> c == null ? null : new String[]{c.name(), c.post(), c.phone(), c.email()}).toList());
        var outcome = maintain.put(caller, code, blankToNull(r.parentCode()),
                new Profile(r.name(), kind, departmentKind, r.attachedTo(), category), contacts, r.validFrom());
        var body = UnitResponse.of(outcome.unit().current());
        return outcome.created()
                ? ResponseEntity.created(URI.create("/api/targets/units/" + code)).body(body)
                : ResponseEntity.ok(body);
    }

    @GetMapping
    UnitPageResponse list(@CurrentCaller Caller caller,
                          @RequestParam(required = false) String parent,
                          @RequestParam(required = false) Level level,
                          @RequestParam(required = false) String category,
                          @RequestParam(required = false) UnitStatus status,
                          @RequestParam(required = false) String q,
                          @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > 100_000) {
            throw ProblemException.invalid("page", "应在0至100000之间（从0开始） / between 0 and 100000, counted from 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.invalid("size", "应在1至" + MAX_PAGE_SIZE + "之间 / between 1 and " + MAX_PAGE_SIZE);
        }
        if (q != null && q.length() > 50) {
            throw ProblemException.invalid("q", "不超过50个字 / at most 50 characters");
        }
        AssessmentCategory c = parse(category, AssessmentCategory.parse(category), "category", "区直部门、镇乡、街道");
        var query = new UnitStore.Query(blankToNull(parent), level, c, status, blankToNull(q));
        var found = browse.page(caller, query, page, size);
        return new UnitPageResponse(found.items().stream().map(u -> UnitResponse.of(u.current())).toList(), page, size,
                found.total());
    }

    /** The unit now, or as it stood on {@code asOf}. */
    @GetMapping("/{code}")
    UnitResponse one(@CurrentCaller Caller caller, @PathVariable String code,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return UnitResponse.of(browse.one(caller, code, asOf));
    }

    /** Every version, oldest first. */
    @GetMapping("/{code}/history")
    List<UnitResponse> history(@CurrentCaller Caller caller, @PathVariable String code) {
        return browse.history(caller, code).stream().map(UnitResponse::of).toList();
    }

    /** 200 moved or already there; 201 when the unit had to take a new code (the answer is the new unit). */
    @PostMapping("/{code}/move")
    @PreAuthorize("hasRole('target-office')")
    ResponseEntity<UnitResponse> move(@CurrentCaller Caller caller, @PathVariable String code,
                                      @Valid @RequestBody MoveRequest r) {
        var outcome = maintain.move(caller, code, blankToNull(r.parentCode()), blankToNull(r.newCode()), r.date(), r.reason());
        var body = UnitResponse.of(outcome.unit().current());
        return outcome.created()
                ? ResponseEntity.created(URI.create("/api/targets/units/" + outcome.unit().code())).body(body)
                : ResponseEntity.ok(body);
    }

    /** 200 closed, or already closed the same way. */
    @PostMapping("/{code}/close")
    @PreAuthorize("hasRole('target-office')")
    UnitResponse close(@CurrentCaller Caller caller, @PathVariable String code, @Valid @RequestBody CloseRequest r) {
        return UnitResponse.of(maintain.close(caller, code, r.date(), blankToNull(r.successor()), r.reason()).unit().current());
    }

    private static <E> E parse(String text, E parsed, String field, String allowed) {
        if (text != null && !text.isBlank() && parsed == null) {
            throw ProblemException.invalid(field, "应为以下之一：" + allowed + " / not one of the allowed values");
        }
        return parsed;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
