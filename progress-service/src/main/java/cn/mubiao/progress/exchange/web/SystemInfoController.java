package cn.mubiao.progress.exchange.web;

import cn.mubiao.progress.ProgressProperties;
import cn.mubiao.progress.exchange.application.ExchangeProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * DHIS2's {@code /api/system/info}, as much of it as Web API clients probe before they exchange data: any
 * authenticated caller may read it (the province client is confined to its own feed).
 */
@RestController
@RequestMapping(DataValueSetsController.BASE)
class SystemInfoController {

    private static final DateTimeFormatter DHIS2_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private final ExchangeProperties settings;
    private final ProgressProperties progress;
    private final Clock clock;
    private final String started;

    SystemInfoController(ExchangeProperties settings, ProgressProperties progress, Clock clock) {
        this.settings = settings;
        this.progress = progress;
        this.clock = clock;
        this.started = LocalDateTime.now(clock.withZone(progress.zone())).format(DHIS2_TIME);
    }

    @GetMapping("/system/info")
    SystemInfoResponse info() {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/progress/dhis2").toUriString();
        return new SystemInfoResponse(settings.systemVersion(), "mubiao", started,
                LocalDateTime.now(clock.withZone(progress.zone())).format(DHIS2_TIME), progress.zone().getId(), base,
                "iso8601", "yyyy-mm-dd", "目标 Mubiao");
    }
}
