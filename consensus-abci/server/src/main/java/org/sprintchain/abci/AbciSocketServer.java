package org.sprintchain.abci;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ABCI 2.0 socket server CometBFT connects to ({@code --proxy_app}). It listens on TCP or a
 * unix socket ({@link AbciAddress}), gives every accepted connection a thread of its own (CometBFT
 * opens four: consensus, mempool, query, snapshot) and hands each request to the {@link
 * AbciApplication}, one call at a time across all connections (see {@link AbciRequestDispatcher}).
 *
 * <p>Usage: {@code try (var server = new AbciSocketServer(address, app)) { server.start(); ... }}.
 * A connection that sends garbage is closed alone; the server keeps accepting others.
 */
public final class AbciSocketServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AbciSocketServer.class);
  private static final long JOIN_MILLIS = 5_000;
  private static final long ACCEPT_RETRY_MILLIS = 100;

  private final AbciAddress address;
  private final VarintFrameCodec codec;
  private final AbciRequestDispatcher dispatcher;
  private final AtomicLong nextConnectionId = new AtomicLong(1);
  private final Map<Long, Served> connections = new ConcurrentHashMap<>();
  private final Object lifecycle = new Object();
  private ServerSocketChannel serverChannel;
  private Thread acceptor;
  private AbciAddress boundAddress;
  private volatile boolean closed;

  private record Served(AbciConnection connection, Thread thread) {}

  /** A server with the default frame limit, {@link VarintFrameCodec#DEFAULT_MAX_FRAME_BYTES}. */
  public AbciSocketServer(AbciAddress address, AbciApplication app) {
    this(address, app, VarintFrameCodec.DEFAULT_MAX_FRAME_BYTES);
  }

  /** A server that closes any connection announcing a frame longer than {@code maxFrameBytes}. */
  public AbciSocketServer(AbciAddress address, AbciApplication app, int maxFrameBytes) {
    this.address = address;
    this.codec = new VarintFrameCodec(maxFrameBytes);
    this.dispatcher = new AbciRequestDispatcher(app);
  }

  /**
   * Binds and starts accepting connections in the background.
   *
   * @return the address actually bound (with the real port when the TCP port was 0)
   * @throws IOException if the address cannot be bound
   * @throws IllegalStateException if already started or closed
   */
  public AbciAddress start() throws IOException {
    synchronized (lifecycle) {
      if (serverChannel != null || closed) {
        throw new IllegalStateException("ABCI server already started or closed");
      }
      serverChannel = bind(address);
      boundAddress = describeBound(address, serverChannel);
      acceptor = Thread.ofPlatform().name("abci-acceptor").unstarted(this::acceptLoop);
      acceptor.start();
      LOG.info("ABCI server listening on {}", boundAddress);
      return boundAddress;
    }
  }

  /** The bound address; only valid after {@link #start()}. */
  public AbciAddress boundAddress() {
    synchronized (lifecycle) {
      if (boundAddress == null) {
        throw new IllegalStateException("ABCI server not started");
      }
      return boundAddress;
    }
  }

  /** How many connections are being served right now. */
  public int openConnections() {
    return connections.size();
  }

  private static ServerSocketChannel bind(AbciAddress address) throws IOException {
    return switch (address) {
      case AbciAddress.Tcp tcp -> {
        ServerSocketChannel channel = ServerSocketChannel.open();
        // A restarted node must be able to rebind while old sockets sit in TIME_WAIT.
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        yield channel.bind(tcp.socketAddress());
      }
      case AbciAddress.Unix unix -> {
        removeStaleSocketFile(unix.path());
        yield ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(unix.socketAddress());
      }
    };
  }

  /** A socket file left by a crashed run blocks bind; remove it, but never a regular file. */
  private static void removeStaleSocketFile(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    BasicFileAttributes attrs =
        Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!attrs.isOther()) {
      throw new IOException("refusing to replace " + path + ": it exists and is not a socket");
    }
    LOG.info("removing stale ABCI socket file {}", path);
    Files.delete(path);
  }

  private static AbciAddress describeBound(AbciAddress requested, ServerSocketChannel channel)
      throws IOException {
    return switch (requested) {
      case AbciAddress.Tcp tcp ->
          new AbciAddress.Tcp(
              tcp.host(), ((InetSocketAddress) channel.getLocalAddress()).getPort());
      case AbciAddress.Unix unix -> unix;
    };
  }

  private void acceptLoop() {
    while (!closed) {
      SocketChannel channel;
      try {
        channel = serverChannel.accept();
      } catch (ClosedChannelException e) {
        return; // close() closed the listening socket
      } catch (IOException e) {
        if (closed) {
          return;
        }
        // For example too many open files: back off instead of spinning on the error.
        LOG.warn("ABCI server could not accept a connection: {}", e.toString());
        if (!sleepBeforeRetry()) {
          return;
        }
        continue;
      }
      try {
        serve(channel);
      } catch (RuntimeException | Error e) {
        // For example no native thread left: drop this connection, keep the acceptor alive.
        LOG.error("ABCI server could not serve a new connection; closing it", e);
        closeQuietly(channel);
        if (!sleepBeforeRetry()) {
          return;
        }
      }
    }
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("error closing a rejected connection", e);
    }
  }

  private void serve(SocketChannel channel) {
    long id = nextConnectionId.getAndIncrement();
    AbciConnection connection =
        new AbciConnection(id, channel, codec, dispatcher, () -> connections.remove(id));
    Thread thread = Thread.ofPlatform().name(connection.threadName()).unstarted(connection);
    connections.put(id, new Served(connection, thread));
    if (closed) {
      connection.close(); // close() ran between accept and put; do not leak the socket
      connections.remove(id);
      return;
    }
    try {
      thread.start();
    } catch (RuntimeException | Error e) {
      connections.remove(id);
      throw e;
    }
  }

  private static boolean sleepBeforeRetry() {
    try {
      Thread.sleep(ACCEPT_RETRY_MILLIS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Stops accepting, closes every connection and waits (bounded) for their threads. A thread stuck
   * inside a slow application call is left to finish on its own. Idempotent.
   */
  @Override
  public void close() {
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      if (serverChannel == null) {
        return;
      }
      try {
        serverChannel.close();
      } catch (IOException e) {
        LOG.warn("ABCI server: error closing the listening socket", e);
      }
      connections.values().forEach(served -> served.connection().close());
      join(acceptor);
      connections.values().forEach(served -> join(served.thread()));
      if (address instanceof AbciAddress.Unix unix) {
        try {
          Files.deleteIfExists(unix.path());
        } catch (IOException e) {
          LOG.warn("ABCI server: could not remove socket file {}", unix.path(), e);
        }
      }
      LOG.info("ABCI server on {} closed", boundAddress);
    }
  }

  private static void join(Thread thread) {
    try {
      if (!thread.join(Duration.ofMillis(JOIN_MILLIS))) {
        LOG.warn("ABCI thread {} did not stop within {} ms", thread.getName(), JOIN_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
