package org.sprintchain.abci;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tendermint.abci.Request;
import tendermint.abci.Response;

/**
 * One accepted ABCI connection, served by one thread: read a request, answer it, repeat.
 *
 * <p>Reading and answering on the same thread is what makes responses come back strictly in request
 * order. Responses go into a write buffer that is flushed to the socket only when the client sends
 * {@code Flush}, so a pipelined batch of requests costs one socket write. This cannot deadlock
 * against CometBFT, whose socket client drains responses on a goroutine of its own while it writes
 * requests.
 *
 * <p>A broken frame or an application exception ends the connection and nothing else; see {@link
 * #run()}.
 */
final class AbciConnection implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(AbciConnection.class);
  private static final int BUFFER_BYTES = 64 * 1024;

  private final long id;
  private final SocketChannel channel;
  private final String peer;
  private final VarintFrameCodec codec;
  private final AbciRequestDispatcher dispatcher;
  private final Runnable onExit;
  private volatile boolean closing;
  private Optional<AbciConnectionRole> role = Optional.empty();

  AbciConnection(
      long id,
      SocketChannel channel,
      VarintFrameCodec codec,
      AbciRequestDispatcher dispatcher,
      Runnable onExit) {
    this.id = id;
    this.channel = channel;
    this.peer = describePeer(channel);
    this.codec = codec;
    this.dispatcher = dispatcher;
    this.onExit = onExit;
  }

  String threadName() {
    return "abci-conn-" + id + role.map(r -> "-" + r.label()).orElse("");
  }

  /**
   * Serves until the peer hangs up, sends something unusable, gets an exception response, or the
   * server closes. Every way out is logged and closes only this connection; nothing propagates.
   */
  @Override
  public void run() {
    try {
      serve();
    } catch (InvalidFrameException e) {
      LOG.warn("ABCI connection {} from {}: {}; closing it", id, peer, e.getMessage());
    } catch (EOFException e) {
      LOG.warn("ABCI connection {} from {} ended mid-frame: {}", id, peer, e.getMessage());
    } catch (ClosedChannelException e) {
      if (!closing) {
        LOG.warn("ABCI connection {} from {} was closed under us", id, peer);
      }
    } catch (IOException e) {
      if (!closing) {
        LOG.warn("ABCI connection {} from {} failed: {}; closing it", id, peer, e.toString());
      }
    } catch (RuntimeException | Error e) {
      LOG.error("ABCI connection {} from {} broke unexpectedly; closing it", id, peer, e);
    } finally {
      closeChannel();
      onExit.run();
    }
  }

  private void serve() throws IOException {
    LOG.debug("ABCI connection {} from {} opened", id, peer);
    InputStream in = new BufferedInputStream(Channels.newInputStream(channel), BUFFER_BYTES);
    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
    while (true) {
      Optional<byte[]> frame = codec.readFrame(in);
      if (frame.isEmpty()) {
        LOG.info("ABCI connection {} ({}) closed by {}", id, roleLabel(), peer);
        return;
      }
      Request request = parseRequest(frame.get());
      learnRole(request);
      Response response = dispatcher.dispatch(request);
      VarintFrameCodec.writeFrame(out, response);
      if (response.hasFlush()) {
        out.flush();
      } else if (response.hasException()) {
        // CometBFT stops on an exception; flush so it sees why, then stop feeding this stream to an
        // application that just failed on it (the Go socket server closes here too).
        out.flush();
        LOG.warn("ABCI connection {} ({}) closed after an exception response", id, roleLabel());
        return;
      }
    }
  }

  private static Request parseRequest(byte[] body) throws InvalidFrameException {
    Request request;
    try {
      request = Request.parseFrom(body);
    } catch (InvalidProtocolBufferException e) {
      throw new InvalidFrameException(
          "frame of " + body.length + " bytes is not an ABCI Request (" + e.getMessage() + ")", e);
    }
    if (request.getValueCase() == Request.ValueCase.VALUE_NOT_SET) {
      throw new InvalidFrameException(
          "ABCI Request of " + body.length + " bytes has no known request type set");
    }
    return request;
  }

  private void learnRole(Request request) {
    if (role.isPresent()) {
      return;
    }
    role = AbciConnectionRole.sending(request.getValueCase());
    if (role.isPresent()) {
      Thread.currentThread().setName(threadName());
      LOG.info("ABCI connection {} from {} is CometBFT's {} connection", id, peer, roleLabel());
    }
  }

  private String roleLabel() {
    return role.map(AbciConnectionRole::label).orElse("role unknown");
  }

  /** Asks the connection to stop; a thread blocked reading the socket wakes up and exits. */
  void close() {
    closing = true;
    closeChannel();
  }

  private void closeChannel() {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("ABCI connection {}: error while closing", id, e);
    }
  }

  private static String describePeer(SocketChannel channel) {
    try {
      var remote = channel.getRemoteAddress();
      // Unix-domain clients are unnamed: their address prints as an empty path.
      return remote == null || remote.toString().isEmpty() ? "a unix socket" : remote.toString();
    } catch (IOException e) {
      return "unknown peer";
    }
  }
}
