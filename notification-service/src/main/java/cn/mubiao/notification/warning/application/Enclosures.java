package cn.mubiao.notification.warning.application;

import cn.mubiao.notification.channel.Enclosure;

/**
 * Renders, when a delivery is attempted, what its email encloses ({@code Notice.enclosure}): the delivery keeps only
 * the reference, so a large table and its PDF are stored once rather than per recipient.
 */
public interface Enclosures {

    /** @throws RuntimeException when it cannot be rendered now (the attempt fails and is retried) */
    Enclosure render(String reference);
}
