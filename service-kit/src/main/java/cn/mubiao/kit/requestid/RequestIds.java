package cn.mubiao.kit.requestid;

import cn.mubiao.contracts.http.HttpSyntax;
import org.slf4j.MDC;

/**
 * The id of the HTTP request a piece of work belongs to: taken from {@value #HEADER} (the gateway sets it) or
 * generated, kept in the SLF4J MDC under {@value #MDC_KEY} while the request runs, carried by the events it
 * records (CloudEvents extension {@code requestid}) and put back into the MDC while a consumer handles them.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private RequestIds() {
    }

    /**
     * Whether {@code id} may be used as is: letters, digits and {@code . _ : -}, 1 to 128 characters (a UUID, a W3C
     * trace id, a gateway's own form), nothing that could forge a log line or a header ({@link HttpSyntax#requestId}).
     */
    public static boolean isWellFormed(String id) {
        return HttpSyntax.requestId(id);
    }

    /** The request id of the work this thread does now (an HTTP request or an event handler), or {@code null}. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }

    /**
     * Puts {@code id} into the MDC until the returned binding is closed, which restores what was there before.
     * A {@code null} or malformed id leaves the MDC without a request id for that time.
     */
    public static Binding bind(String id) {
        String previous = MDC.get(MDC_KEY);
        set(isWellFormed(id) ? id : null);
        return () -> set(previous);
    }

    private static void set(String id) {
        if (id == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, id);
        }
    }

    /** A request id in the MDC; closing it restores the previous one. */
    @FunctionalInterface
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }
}
