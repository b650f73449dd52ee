package cn.mubiao.notification.warning.application;

import cn.mubiao.kit.scheduling.RepeatingTask;
import cn.mubiao.notification.NotificationProperties;
import org.springframework.stereotype.Component;

/** Takes up, every {@code sweep-interval}, the deliveries whose next attempt is due: retries and held SMS. */
@Component
class DeliverySweep extends RepeatingTask {

    private final DeliverNotices deliver;

    DeliverySweep(DeliverNotices deliver, NotificationProperties settings) {
        super("delivery-sweep", settings.delivery().sweepInterval(), settings.delivery().sweepInterval());
        this.deliver = deliver;
    }

    @Override
    protected int runOnce() {
        return deliver.attemptDue();
    }
}
