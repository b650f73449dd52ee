package cn.mubiao.notification.bulletin.application;

import cn.mubiao.kit.scheduling.RepeatingTask;
import cn.mubiao.notification.NotificationProperties;
import org.springframework.stereotype.Component;

/**
 * Looks every {@code bulletin.check-interval} for a monthly or quarterly bulletin due and sends it; not started when
 * {@code bulletin.enabled} is false.
 */
@Component
class BulletinSchedule extends RepeatingTask {

    private final IssueBulletins bulletins;
    private final boolean enabled;

    BulletinSchedule(IssueBulletins bulletins, NotificationProperties settings) {
        super("bulletin-schedule", settings.bulletin().checkInterval(), settings.bulletin().checkInterval());
        this.bulletins = bulletins;
        this.enabled = settings.bulletin().enabled();
    }

    @Override
    protected int runOnce() {
        return bulletins.issueDue();
    }

    @Override
    public boolean isAutoStartup() {
        return enabled;
    }
}
