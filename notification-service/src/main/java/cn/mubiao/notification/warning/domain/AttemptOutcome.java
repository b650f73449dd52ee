package cn.mubiao.notification.warning.domain;

/** What one attempt of a delivery came to; every attempt is recorded on the delivery. */
public enum AttemptOutcome {
    /** The provider took it (SMTP accepted, SMSC answered submit_sm). */
    SENT,
    /** The channel failed; retried after a backoff unless it was the last attempt. */
    FAILED,
    /** The address is malformed or the provider refused it; not retried. */
    INVALID_ADDRESS,
    /** The channel's circuit breaker was open: nothing was tried, and the attempt does not count. */
    CIRCUIT_OPEN,
    /** An operator asked for the delivery to be sent again. */
    RESEND_REQUESTED
}
