package cn.mubiao.scoring.feed.web;

import cn.mubiao.contracts.dhis2.DataValueSet;
import cn.mubiao.contracts.dhis2.ExportRequest;
import cn.mubiao.contracts.dhis2.SystemInfo;
import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.CurrentCaller;
import cn.mubiao.kit.security.ProvinceFeed;
import cn.mubiao.kit.web.DataValueSetAnswers;
import cn.mubiao.kit.web.ForwardedOrigin;
import cn.mubiao.scoring.feed.FeedProperties;
import cn.mubiao.scoring.feed.application.ReadProvinceFeed;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

/**
 * The province feed at the DHIS2-style base URL {@code <gateway>/api/scoring/dhis2}: DHIS2's
 * {@code GET /api/dataValueSets} (JSON, {@code .json}, {@code .csv}, {@code Accept: application/csv}) and
 * {@code /api/system/info}, for the province's machine client only (role {@code province}; everyone else 403). This is
 * the feed the province client is confined to ({@link ProvinceFeed}). See docs/province-feed.md.
 */
@RestController
@RequestMapping(ProvinceFeedController.BASE_URL + "/api")
@ProvinceFeed
@PreAuthorize("hasRole('province')")
class ProvinceFeedController {

    /** The DHIS2 base URL a province system is given (behind the gateway's {@code /api/scoring/**} route). */
    static final String BASE_URL = "/api/scoring/dhis2";

    private final ReadProvinceFeed feed;
    private final FeedProperties settings;
    private final Clock clock;
    private final Instant started;

    ProvinceFeedController(ReadProvinceFeed feed, FeedProperties settings, Clock clock) {
        this.feed = feed;
        this.settings = settings;
        this.clock = clock;
        this.started = clock.instant();
    }

    /** JSON, or CSV when the {@code Accept} header prefers {@code application/csv} or {@code text/csv}. */
    @GetMapping("/dataValueSets")
    ResponseEntity<?> dataValueSets(@CurrentCaller Caller caller, ExportRequest parameters,
                                    @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        return DataValueSetAnswers.negotiated(feed.read(caller, parameters), accept);
    }

    @GetMapping("/dataValueSets.json")
    ResponseEntity<DataValueSet> dataValueSetsJson(@CurrentCaller Caller caller, ExportRequest parameters) {
        return DataValueSetAnswers.json(feed.read(caller, parameters));
    }

    @GetMapping("/dataValueSets.csv")
    ResponseEntity<byte[]> dataValueSetsCsv(@CurrentCaller Caller caller, ExportRequest parameters) {
        return DataValueSetAnswers.csv(feed.read(caller, parameters));
    }

    /** {@code contextPath} is the base URL as the client reached it through the gateway. */
    @GetMapping("/system/info")
    SystemInfo systemInfo(HttpServletRequest request) {
        String base = ForwardedOrigin.of(request) + request.getContextPath() + BASE_URL;
        return SystemInfo.of(settings.systemVersion(), started, clock.instant(), settings.zone(), base);
    }
}
