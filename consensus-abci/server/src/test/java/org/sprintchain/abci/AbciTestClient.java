package org.sprintchain.abci;

import com.google.protobuf.ByteString;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import tendermint.abci.Request;
import tendermint.abci.RequestCheckTx;
import tendermint.abci.RequestEcho;
import tendermint.abci.RequestFlush;
import tendermint.abci.RequestQuery;
import tendermint.abci.Response;

/** A minimal blocking ABCI client over TCP or a unix socket, standing in for CometBFT. */
final class AbciTestClient implements AutoCloseable {
  private final SocketChannel channel;
  private final InputStream in;
  private final OutputStream out;
  private final VarintFrameCodec codec = new VarintFrameCodec(Integer.MAX_VALUE);

  AbciTestClient(AbciAddress address) throws IOException {
    channel = SocketChannel.open(address.socketAddress());
    in = new BufferedInputStream(Channels.newInputStream(channel));
    out = new BufferedOutputStream(Channels.newOutputStream(channel));
  }

  static Request echo(String message) {
    return Request.newBuilder().setEcho(RequestEcho.newBuilder().setMessage(message)).build();
  }

  static Request flush() {
    return Request.newBuilder().setFlush(RequestFlush.getDefaultInstance()).build();
  }

  static Request checkTx(String tx) {
    return Request.newBuilder()
        .setCheckTx(RequestCheckTx.newBuilder().setTx(ByteString.copyFromUtf8(tx)))
        .build();
  }

  static Request query(String path) {
    return Request.newBuilder().setQuery(RequestQuery.newBuilder().setPath(path)).build();
  }

  /** Buffers a request; nothing reaches the server before {@link #sendFlush()} or raw writes. */
  void send(Request request) throws IOException {
    VarintFrameCodec.writeFrame(out, request);
  }

  /** Sends a Flush request and pushes everything buffered to the socket. */
  void sendFlush() throws IOException {
    send(flush());
    out.flush();
  }

  /** Sends a request to the server now, without a Flush request after it. */
  void push(Request request) throws IOException {
    send(request);
    out.flush();
  }

  /** Writes raw bytes, bypassing the framing, and pushes them to the socket. */
  void sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  Response read() throws IOException {
    return Response.parseFrom(
        codec.readFrame(in).orElseThrow(() -> new IOException("server closed the connection")));
  }

  /** Sends {@code request} plus a flush and returns the answer to {@code request}. */
  Response call(Request request) throws IOException {
    send(request);
    sendFlush();
    Response response = read();
    Response flush = read();
    if (!flush.hasFlush()) {
      throw new IOException("expected a flush response, got " + flush);
    }
    return response;
  }

  /** True when the server has closed the connection (EOF or reset) without sending anything. */
  boolean closedByServer() {
    try {
      Optional<byte[]> frame = codec.readFrame(in);
      return frame.isEmpty();
    } catch (IOException e) {
      return true; // a reset: the server closed with our unread bytes in its buffer
    }
  }

  /**
   * True when the server has written anything to the socket yet; looks without blocking. Use it
   * only while nothing is expected: a byte that did arrive is consumed.
   */
  boolean anythingArrived() throws IOException {
    channel.configureBlocking(false);
    try {
      return channel.read(ByteBuffer.allocate(1)) != 0;
    } finally {
      channel.configureBlocking(true);
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
