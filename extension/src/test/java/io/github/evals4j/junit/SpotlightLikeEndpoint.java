package io.github.evals4j.junit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP endpoint that behaves like Sentry Spotlight 4.11.8's sidecar (observed through a
 * TCP proxy): it answers every envelope {@code 200} with {@code connection: keep-alive}, even to a
 * request that said {@code Connection: close}, and keeps the connection open; a further request on a
 * connection whose earlier request said {@code Connection: close} gets {@code 400 Bad Request} and
 * the connection is closed (Node's HTTP parser refuses data after {@code Connection: close}).
 * Envelopes are accepted at the DSN-style path {@code /api/<project>/envelope/}; other paths get 404.
 */
final class SpotlightLikeEndpoint implements AutoCloseable {

  private static final byte[] OK = ("HTTP/1.1 200 OK\r\ncache-control: no-cache\r\n"
      + "connection: keep-alive\r\ncontent-type: text/plain; charset=UTF-8\r\n"
      + "content-length: 2\r\n\r\nOK").getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NOT_FOUND = ("HTTP/1.1 404 Not Found\r\nconnection: keep-alive\r\n"
      + "content-length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  private static final java.util.regex.Pattern ENVELOPES =
      java.util.regex.Pattern.compile("POST /api/\\d+/envelope/ HTTP/1\\.1");
  private static final byte[] BAD_REQUEST =
      "HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket server;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<byte[]> accepted = new CopyOnWriteArrayList<>();
  private final AtomicInteger rejected = new AtomicInteger();
  private final AtomicInteger connections = new AtomicInteger();
  private final java.util.concurrent.atomic.AtomicBoolean dropOneReuse =
      new java.util.concurrent.atomic.AtomicBoolean();
  private final AtomicInteger dropped = new AtomicInteger();

  SpotlightLikeEndpoint() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "spotlight-like-acceptor");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String dsn() {
    return "http://public@localhost:" + server.getLocalPort() + "/1";
  }

  int port() {
    return server.getLocalPort();
  }

  /**
   * Also closes one kept-alive connection, without an answer, when a request arrives on it: what
   * a client sees when Node's keep-alive timeout closes the connection as the client reuses it.
   */
  SpotlightLikeEndpoint droppingOneReusedConnection() {
    dropOneReuse.set(true);
    return this;
  }

  /** Requests that got no answer (see {@link #droppingOneReusedConnection()}). */
  int dropped() {
    return dropped.get();
  }

  /** The gzipped bodies answered 200. */
  List<byte[]> accepted() {
    return List.copyOf(accepted);
  }

  int rejected() {
    return rejected.get();
  }

  int connections() {
    return connections.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        sockets.add(socket);
        connections.incrementAndGet();
        Thread t = new Thread(() -> serve(socket), "spotlight-like-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream()) {
      boolean closeRequested = false;
      for (int served = 0; ; served++) {
        Request request = Request.read(in);
        if (request == null) {
          return;
        }
        if (served > 0 && dropOneReuse.compareAndSet(true, false)) {
          dropped.incrementAndGet();
          return;
        }
        if (closeRequested) {
          rejected.incrementAndGet();
          out.write(BAD_REQUEST);
          out.flush();
          return;
        }
        closeRequested = "close".equalsIgnoreCase(request.connection());
        if (!ENVELOPES.matcher(request.startLine()).matches()) {
          out.write(NOT_FOUND);
          out.flush();
          continue;
        }
        accepted.add(request.body());
        out.write(OK);
        out.flush();
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : sockets) {
      s.close();
    }
  }

  /** One HTTP/1.1 message (a request, or a response in tests) with a Content-Length body. */
  record Request(String startLine, String connection, byte[] body) {

    /** The next message, or null at the end of the stream. */
    static Request read(InputStream in) throws IOException {
      String line = line(in);
      if (line == null || line.isEmpty()) {
        return null;
      }
      String connection = "";
      int length = 0;
      for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
        int colon = header.indexOf(':');
        String name = header.substring(0, Math.max(0, colon)).strip().toLowerCase(Locale.ROOT);
        String value = header.substring(colon + 1).strip();
        if (name.equals("connection")) {
          connection = value;
        } else if (name.equals("content-length")) {
          length = Integer.parseInt(value);
        }
      }
      byte[] body = in.readNBytes(length);
      return new Request(line, connection, body);
    }

    private static String line(InputStream in) throws IOException {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      for (int c = in.read(); c != -1; c = in.read()) {
        if (c == '\n') {
          String s = b.toString(StandardCharsets.US_ASCII);
          return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }
        b.write(c);
      }
      return b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
    }
  }
}
