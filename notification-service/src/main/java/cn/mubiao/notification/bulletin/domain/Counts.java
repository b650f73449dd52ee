package cn.mubiao.notification.bulletin.domain;

import cn.mubiao.contracts.LagStatus;

import java.util.Collection;

/** How many targets are green (正常), yellow (滞后) and red (严重滞后). */
public record Counts(int onTrack, int lagging, int seriouslyLagging) {

    public static final Counts NONE = new Counts(0, 0, 0);

    public static Counts of(Collection<LagStatus> statuses) {
        return new Counts((int) statuses.stream().filter(s -> s == LagStatus.ON_TRACK).count(),
                (int) statuses.stream().filter(s -> s == LagStatus.LAGGING).count(),
                (int) statuses.stream().filter(s -> s == LagStatus.SERIOUSLY_LAGGING).count());
    }

    public int of(LagStatus status) {
        return switch (status) {
            case ON_TRACK -> onTrack;
            case LAGGING -> lagging;
            case SERIOUSLY_LAGGING -> seriouslyLagging;
        };
    }

    public int total() {
        return onTrack + lagging + seriouslyLagging;
    }

    public Counts plus(Counts other) {
        return new Counts(onTrack + other.onTrack, lagging + other.lagging, seriouslyLagging + other.seriouslyLagging);
    }
}
