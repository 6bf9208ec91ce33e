package com.creatorcampaignpro.db.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports on 127.0.0.1 for tests that need "nothing listens here" or "is this port free again". */
public final class LocalPorts {

    private LocalPorts() {
    }

    /** A port nothing listens on right now (the OS just handed it out and it was closed again). */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, loopback())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, loopback())) {
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

    private static InetAddress loopback() throws IOException {
        return InetAddress.getByName("127.0.0.1");
    }
}
