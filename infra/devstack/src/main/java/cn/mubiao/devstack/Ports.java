package cn.mubiao.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Port bookkeeping done before anything starts: 0 becomes a free port (so Kafka can advertise the real one) and a
 * fixed port that is already taken fails early with a message that names the part that wanted it.
 */
final class Ports {

    private final Set<Integer> assigned = new HashSet<>();

    /** Returns {@code requested}, or a free loopback port when it is 0; never hands out the same port twice. */
    int resolve(String what, int requested) {
        if (requested < 0 || requested > 65_535) {
            throw new IllegalArgumentException(what + " port out of range: " + requested);
        }
        if (requested != 0) {
            if (!assigned.add(requested)) {
                throw new IllegalArgumentException(what + " port " + requested + " is configured twice");
            }
            requireFree(what, requested);
            return requested;
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            int port = freePort();
            if (assigned.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("could not find a free port for " + what);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot allocate a free port", e);
        }
    }

    static void requireFree(String what, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " for " + what + " is already in use"
                    + " (another devstack or a local " + what + " running?)", e);
        }
    }
}
