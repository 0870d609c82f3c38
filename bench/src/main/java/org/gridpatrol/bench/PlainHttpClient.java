package org.gridpatrol.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client for the tile benchmark: GET requests on one kept-alive TCP connection,
 * each answer read whole (head and {@code Content-Length} body) into one large buffer. It does what
 * a browser's network stack does per tile and no more, so that the time it measures is the
 * server's plus the loopback's; the JDK's {@code HttpURLConnection}, the benchmark's other client,
 * costs about a millisecond more per 100 kB on this machine (it reads the body in 8 kB steps).
 * Reconnects when the server closes the connection (Tomcat does after 100 requests). Not for
 * chunked answers (the tile endpoints always send a length).
 */
final class PlainHttpClient implements AutoCloseable {

    private final String host;
    private final int port;
    private final byte[] buffer = new byte[1 << 20];
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    PlainHttpClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** The status of {@code GET path} with the given Cookie header; the body is read and dropped. */
    int get(String path, String cookie) throws IOException {
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAccept: */*\r\nCookie: " + cookie
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        boolean fresh = socket == null;
        if (fresh) {
            connect();
        }
        out.write(request);
        out.flush();
        int filled = 0;
        int headEnd;
        while ((headEnd = headEnd(filled)) < 0) {
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                close();
                if (filled == 0 && !fresh) { // the server had closed the idle connection: once more on a new one
                    return get(path, cookie);
                }
                throw new IOException("the server closed the connection before answering " + path);
            }
            filled += n;
        }
        String head = new String(buffer, 0, headEnd, StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(head.substring(9, 12));
        long length = 0;
        boolean close = false;
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:")) {
                throw new IOException("chunked answer to " + path + ": " + head);
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        long remaining = length - (filled - headEnd - 4);
        while (remaining > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                throw new IOException("the answer to " + path + " ended early");
            }
            remaining -= n;
        }
        if (close) {
            close();
        }
        return status;
    }

    /** Index of the blank line ending the head, or -1 while it has not arrived. */
    private int headEnd(int filled) {
        for (int i = 0; i + 3 < filled; i++) {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setReceiveBufferSize(buffer.length);
        socket.connect(new InetSocketAddress(host, port));
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
