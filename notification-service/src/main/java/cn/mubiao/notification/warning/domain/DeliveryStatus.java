package cn.mubiao.notification.warning.domain;

import java.util.Set;

/**
 * Where one delivery (trigger event, recipient, channel) stands.
 *
 * <p>PENDING → SENT, or → RETRYING (a failed attempt, the next one after a backoff) → … → DEAD after the last
 * attempt; INVALID_ADDRESS when the address is refused (never retried). An operator's resend takes DEAD and
 * INVALID_ADDRESS back to PENDING. HELD: an SMS kept until the recipient's quiet hours end. SUPPRESSED: one of a
 * flood for the same recipient, assignment and period (not sent). OPTED_OUT: the recipient switched the channel
 * off for this kind of notification.
 */
public enum DeliveryStatus {
    PENDING, HELD, RETRYING, SENT, DEAD, INVALID_ADDRESS, SUPPRESSED, OPTED_OUT;

    /** The statuses in which a delivery waits for its next attempt. */
    public static final Set<DeliveryStatus> OPEN = Set.of(PENDING, HELD, RETRYING);

    /** The statuses an operator may send again. */
    public static final Set<DeliveryStatus> RESENDABLE = Set.of(DEAD, INVALID_ADDRESS);
}
