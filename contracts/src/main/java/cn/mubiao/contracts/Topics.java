package cn.mubiao.contracts;

import java.util.List;

/** Kafka topic names: one topic per producing service, keyed by aggregate id; dead letters in {@code <topic>.DLT}. */
public final class Topics {
    public static final String TARGET_EVENTS = "mubiao.target.events";
    public static final String PROGRESS_EVENTS = "mubiao.progress.events";
    public static final String SCORING_EVENTS = "mubiao.scoring.events";
    public static final String NOTIFICATION_EVENTS = "mubiao.notification.events";

    /** Partitions of every event topic; a DLT has one. */
    public static final int PARTITIONS = 6;

    public static final List<String> ALL = List.of(TARGET_EVENTS, PROGRESS_EVENTS, SCORING_EVENTS, NOTIFICATION_EVENTS);

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + ".DLT";
    }
}
