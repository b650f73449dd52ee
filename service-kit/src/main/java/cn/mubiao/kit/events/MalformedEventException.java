package cn.mubiao.kit.events;

/** A record that is not a readable CloudEvent: it goes to the dead-letter topic at once, never retried. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
