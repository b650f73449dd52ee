package cn.mubiao.progress.exchange.web;

import cn.mubiao.contracts.dhis2.SystemInfo;
import cn.mubiao.kit.web.ForwardedOrigin;
import cn.mubiao.progress.ProgressProperties;
import cn.mubiao.progress.exchange.application.ExchangeProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

/**
 * DHIS2's {@code /api/system/info}, as much of it as Web API clients probe before they exchange data: any
 * authenticated caller may read it (the province client is confined to its own feed).
 */
@RestController
@RequestMapping(DataValueSetsController.BASE)
class SystemInfoController {

    private final ExchangeProperties settings;
    private final ProgressProperties progress;
    private final Clock clock;
    private final Instant started;

    SystemInfoController(ExchangeProperties settings, ProgressProperties progress, Clock clock) {
        this.settings = settings;
        this.progress = progress;
        this.clock = clock;
        this.started = clock.instant();
    }

    /** {@code contextPath} is the base URL as the client reached it through the gateway. */
    @GetMapping("/system/info")
    SystemInfo info(HttpServletRequest request) {
        String base = ForwardedOrigin.of(request) + request.getContextPath() + "/api/progress/dhis2";
        return SystemInfo.of(settings.systemVersion(), started, clock.instant(), progress.zone(), base);
    }
}
