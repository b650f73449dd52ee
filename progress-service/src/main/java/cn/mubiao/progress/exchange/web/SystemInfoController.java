package cn.mubiao.progress.exchange.web;

import cn.mubiao.contracts.dhis2.SystemInfo;
import cn.mubiao.progress.ProgressProperties;
import cn.mubiao.progress.exchange.application.ExchangeProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

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

    @GetMapping("/system/info")
    SystemInfo info() {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/progress/dhis2").toUriString();
        return SystemInfo.of(settings.systemVersion(), started, clock.instant(), progress.zone(), base);
    }
}
