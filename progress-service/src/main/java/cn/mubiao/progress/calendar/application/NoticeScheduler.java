package cn.mubiao.progress.calendar.application;

import cn.mubiao.kit.scheduling.RepeatingTask;
import org.springframework.stereotype.Component;

/** Runs {@link SendReportNotices} shortly after start and then every {@code scan-interval}, one run at a time. */
@Component
class NoticeScheduler extends RepeatingTask {

    private final SendReportNotices send;

    NoticeScheduler(SendReportNotices send, CalendarProperties settings) {
        super("report-notices", settings.firstScanAfter(), settings.scanInterval());
        this.send = send;
    }

    /** A failed run leaves nothing half-sent (each notice is one insert); the next run retries. */
    @Override
    protected int runOnce() {
        return send.runOnce();
    }
}
