package cn.mubiao.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP link between a service and one of its sinks (SMTP, SMPP) that a test can break: passing bytes through,
 * down (connections refused), slow (each chunk the service sends held back), or resetting (every connection, open
 * or new, cut with a TCP reset). Answers come back at once. What a service sent into a slow link and was still held
 * back when the service died is lost with it, as on a host that goes away: the sink gets a partial message and
 * discards it.
 */
final class FaultyLink implements AutoCloseable {

    enum Mode { PASS, DOWN, SLOW, RESET }

    private final String name;
    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Mode mode = Mode.PASS;
    private volatile long delayMillis;
    private volatile ServerSocket listener;
    private volatile boolean closed;

    private FaultyLink(String name, int port, int targetPort) {
        this.name = name;
        this.port = port;
        this.targetPort = targetPort;
    }

    /** A link on a free local port to {@code targetPort} on the loopback interface, passing bytes through. */
    static FaultyLink to(String name, int targetPort) throws IOException {
        FaultyLink link = new FaultyLink(name, Platform.freePort(), targetPort);
        link.listen();
        return link;
    }

    int port() {
        return port;
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    synchronized void pass() throws IOException {
        mode = Mode.PASS;
        listen();
    }

    /** Refuses new connections and drops the open ones. */
    synchronized void down() throws IOException {
        mode = Mode.DOWN;
        ServerSocket l = listener;
        listener = null;
        if (l != null) {
            l.close();
        }
        cutAll(false);
    }

    /** Holds back each chunk the service sends by {@code millis}. */
    synchronized void slow(long millis) throws IOException {
        delayMillis = millis;
        mode = Mode.SLOW;
        listen();
    }

    /** Resets every open connection and each new one as soon as it is accepted. */
    synchronized void resetting() throws IOException {
        mode = Mode.RESET;
        listen();
        cutAll(true);
    }

    private void listen() throws IOException {
        if (listener != null || closed) {
            return;
        }
        ServerSocket l = new ServerSocket();
        l.setReuseAddress(true);
        l.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        listener = l;
        Thread.ofPlatform().daemon().name("link-" + name + "-accept").start(() -> accept(l));
    }

    private void accept(ServerSocket l) {
        while (!l.isClosed()) {
            try {
                Socket client = l.accept();
                connections.incrementAndGet();
                if (mode == Mode.RESET) {
                    reset(client);
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(server);
                BlockingQueue<Chunk> held = new LinkedBlockingQueue<>();
                AtomicBoolean senderGone = new AtomicBoolean();
                Thread.ofPlatform().daemon().name("link-" + name + "-read").start(() -> hold(client, held, senderGone));
                Thread.ofPlatform().daemon().name("link-" + name + "-up").start(() -> release(held, senderGone, client, server));
                Thread.ofPlatform().daemon().name("link-" + name + "-down").start(() -> pump(server, client));
            } catch (IOException e) {
                // the listener closed (down) or the sink refused: the service sees its connection fail
            }
        }
    }

    /** A chunk the service sent, due at the sink at {@code dueNanos}; an empty one marks the end of the stream. */
    private record Chunk(byte[] bytes, long dueNanos) {
    }

    /** Reads what the service sends and holds each chunk for the current delay; notes when the service goes away. */
    private void hold(Socket client, BlockingQueue<Chunk> held, AtomicBoolean senderGone) {
        byte[] buffer = new byte[8192];
        try (InputStream in = client.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                long delay = mode == Mode.SLOW ? delayMillis : 0;
                held.add(new Chunk(Arrays.copyOf(buffer, n), System.nanoTime() + delay * 1_000_000));
            }
        } catch (IOException e) {
            // reset or closed
        } finally {
            senderGone.set(true);
            held.add(new Chunk(new byte[0], System.nanoTime()));
        }
    }

    /** Passes held chunks on when due, unless the service has gone meanwhile: then they are lost with it. */
    private void release(BlockingQueue<Chunk> held, AtomicBoolean senderGone, Socket client, Socket server) {
        try (OutputStream out = server.getOutputStream()) {
            while (true) {
                Chunk c = held.take();
                long wait = c.dueNanos() - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                if (c.bytes().length == 0 || mode == Mode.RESET || mode == Mode.DOWN
                        || (senderGone.get() && wait > 0)) {
                    break;
                }
                out.write(c.bytes());
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side went away: close both
        } finally {
            close(client);
            close(server);
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (mode == Mode.RESET || mode == Mode.DOWN) {
                    break;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away: close both
        } finally {
            close(from);
            close(to);
        }
    }

    private void cutAll(boolean withReset) {
        for (Socket s : Set.copyOf(open)) {
            if (withReset) {
                reset(s);
            } else {
                close(s);
            }
        }
    }

    private void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
        } catch (SocketException ignored) {
            // closed already
        }
        close(s);
    }

    private void close(Socket s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            down();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public String toString() {
        return name + " link :" + port + " -> :" + targetPort + " (" + mode + ")";
    }
}
