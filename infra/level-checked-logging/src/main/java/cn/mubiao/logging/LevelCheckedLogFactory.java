package cn.mubiao.logging;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.commons.logging.impl.Slf4jLogFactory;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The Commons Logging factory of every Mubiao JVM (named in {@code META-INF/services}, which Commons Logging asks
 * before it picks an adapter of its own): SLF4J's logs, each behind a {@link LevelCheckedLog}.
 * <p>
 * Why: Spring Framework 7 logs through Apache Commons Logging 1.3, whose SLF4J adapter calls
 * {@code String.valueOf(message)} before SLF4J looks at the level. Spring and Spring Security pass lazy messages
 * ({@code logger.debug(LogMessage.of(() -> ...))}) without asking the level first, trusting the adapter to, so with
 * debug off every such message was still rendered and thrown away: on each request, in the method security
 * interceptor, the filter chains and the dispatcher (spring-projects/spring-framework#37266).
 */
public final class LevelCheckedLogFactory extends LogFactory {

    private final Slf4jLogFactory slf4j = new Slf4jLogFactory();
    private final ConcurrentMap<String, Log> logs = new ConcurrentHashMap<>();

    @Override
    public Log getInstance(String name) {
        return logs.computeIfAbsent(name, n -> new LevelCheckedLog(slf4j.getInstance(n)));
    }

    @Override
    public Log getInstance(Class<?> clazz) {
        return getInstance(clazz.getName());
    }

    @Override
    public Object getAttribute(String name) {
        return slf4j.getAttribute(name);
    }

    @Override
    public String[] getAttributeNames() {
        return slf4j.getAttributeNames();
    }

    @Override
    public void removeAttribute(String name) {
        slf4j.removeAttribute(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        slf4j.setAttribute(name, value);
    }

    @Override
    public void release() {
        logs.clear();
        slf4j.release();
    }
}
