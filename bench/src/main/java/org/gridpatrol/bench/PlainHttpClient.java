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
 * chunked answers (the tile endpoints always send a length; so do the JSON answers of the load test,
 * which do not ask for compression). Also sends other methods with a body ({@link #send}, bench load).
 */
final class PlainHttpClient implements AutoCloseable {

    private final String host;
    private final int port;
    private final byte[] buffer = new byte[1 << 20];
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int timeoutMillis;

    PlainHttpClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** The status of {@code GET path} with the given Cookie header; the body is read and dropped. */
    int get(String path, String cookie) throws IOException {
        return send("GET", path, "Cookie: " + cookie + "\r\n", null);
    }

    /**
     * The status of one request; {@code headers} are whole header lines, each ending in CRLF (credentials,
     * content type); {@code body} is null for none. The answer's body is read and dropped.
     */
    int send(String method, String path, String headers, byte[] body) throws IOException {
        String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAccept: */*\r\n" + headers
                + (body == null ? "" : "Content-Length: " + body.length + "\r\n") + "\r\n";
        byte[] request = head.getBytes(StandardCharsets.ISO_8859_1);
        if (body != null) {
            byte[] whole = new byte[request.length + body.length];
            System.arraycopy(request, 0, whole, 0, request.length);
            System.arraycopy(body, 0, whole, request.length, body.length);
            request = whole;
        }
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
                    return send(method, path, headers, body);
                }
                throw new IOException("the server closed the connection before answering " + path);
            }
            filled += n;
        }
        String answer = new String(buffer, 0, headEnd, StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(answer.substring(9, 12));
        long length = 0;
        boolean close = false;
        boolean chunked = false;
        for (String line : answer.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            skipChunks(new java.io.ByteArrayInputStream(buffer, headEnd + 4, filled - headEnd - 4), path);
            if (close) {
                close();
            }
            return status;
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

    /**
     * Reads a chunked body to its end: what already arrived with the head, then the socket (nothing
     * follows the body: one request at a time on the connection).
     */
    private void skipChunks(InputStream arrived, String path) throws IOException {
        InputStream body = new java.io.BufferedInputStream(new java.io.SequenceInputStream(arrived, new java.io.FilterInputStream(in) {
            @Override
            public void close() {
                // the connection stays open for the next request
            }
        }));
        while (true) {
            String sizeLine = line(body, path);
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                while (!line(body, path).isEmpty()) {
                    // trailers
                }
                return;
            }
            while (size > 0) {
                long skipped = body.skip(size);
                if (skipped <= 0) {
                    if (body.read() < 0) {
                        throw new IOException("the chunked answer to " + path + " ended early");
                    }
                    skipped = 1;
                }
                size -= skipped;
            }
            line(body, path); // the CRLF after the chunk
        }
    }

    private static String line(InputStream body, String path) throws IOException {
        StringBuilder text = new StringBuilder();
        int c;
        while ((c = body.read()) != '\n') {
            if (c < 0) {
                throw new IOException("the chunked answer to " + path + " ended early");
            }
            if (c != '\r') {
                text.append((char) c);
            }
        }
        return text.toString();
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

    /** Gives up on an answer after this long (0: never, the default); a timeout closes the connection. */
    void timeoutMillis(int millis) {
        this.timeoutMillis = millis;
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setSoTimeout(timeoutMillis);
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
