package cn.mubiao.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.commons.logging.impl.Slf4jLogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class LevelCheckedLogTest {

    /** A lazy message, as Spring's LogMessage: counts how often it is rendered. */
    static final class Counted {
        final AtomicInteger rendered = new AtomicInteger();

        @Override
        public String toString() {
            rendered.incrementAndGet();
            return "rendered message";
        }
    }

    private static ListAppender<ILoggingEvent> logger(String name, Level level) {
        Logger logger = (Logger) LoggerFactory.getLogger(name);
        logger.setLevel(level);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        return appender;
    }

    @Test
    void commonsLoggingFindsTheLevelCheckedFactory() {
        assertThat(LogFactory.getFactory()).isInstanceOf(LevelCheckedLogFactory.class);
        assertThat(LogFactory.getLog(LevelCheckedLogTest.class)).isInstanceOf(LevelCheckedLog.class);
    }

    @Test
    void aDebugMessageIsNeverRenderedWhileDebugIsOff() {
        ListAppender<ILoggingEvent> written = logger("mubiao.test.quiet", Level.INFO);
        Log log = LogFactory.getLog("mubiao.test.quiet");
        Counted message = new Counted();

        log.trace(message);
        log.debug(message);
        log.debug(message, new IllegalStateException("x"));

        assertThat(message.rendered).hasValue(0);
        assertThat(written.list).isEmpty();
    }

    @Test
    void aMessageWhoseLevelIsOnIsRenderedOnceAndWritten() {
        ListAppender<ILoggingEvent> written = logger("mubiao.test.verbose", Level.DEBUG);
        Log log = LogFactory.getLog("mubiao.test.verbose");
        Counted message = new Counted();

        log.debug(message);
        log.warn("plain", new IllegalStateException("cause"));

        assertThat(message.rendered).hasValue(1);
        assertThat(written.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("rendered message", "plain");
        assertThat(written.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.DEBUG, Level.WARN);
        assertThat(written.list.get(1).getThrowableProxy().getMessage()).isEqualTo("cause");
    }

    @Test
    void theAdapterItWrapsRendersEveryMessageWhateverTheLevel() {
        // the reason for this module: if Commons Logging ever checks the level itself, this fails and the module can go
        logger("mubiao.test.bare", Level.INFO);
        Log bare = new Slf4jLogFactory().getInstance("mubiao.test.bare");
        Counted message = new Counted();

        bare.debug(message);

        assertThat(message.rendered).hasValue(1);
    }

    @Test
    void fatalIsWrittenAsError() {
        ListAppender<ILoggingEvent> written = logger("mubiao.test.fatal", Level.ERROR);

        LogFactory.getLog("mubiao.test.fatal").fatal("stop");

        assertThat(written.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.ERROR);
    }
}
