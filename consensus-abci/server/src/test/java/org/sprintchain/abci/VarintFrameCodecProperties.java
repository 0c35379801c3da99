package org.sprintchain.abci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import tendermint.abci.Request;
import tendermint.abci.RequestCheckTx;
import tendermint.abci.RequestEcho;
import tendermint.abci.RequestFinalizeBlock;
import tendermint.abci.RequestQuery;

class VarintFrameCodecProperties {
  private final VarintFrameCodec codec =
      new VarintFrameCodec(VarintFrameCodec.DEFAULT_MAX_FRAME_BYTES);

  @Property
  void uvarintRoundTripsAndMatchesProtobuf(@ForAll long value) throws IOException {
    ByteArrayOutputStream ours = new ByteArrayOutputStream();
    VarintFrameCodec.writeUvarint(ours, value);

    ByteArrayOutputStream protobufs = new ByteArrayOutputStream();
    CodedOutputStream coded = CodedOutputStream.newInstance(protobufs);
    coded.writeUInt64NoTag(value);
    coded.flush();

    assertArrayEquals(protobufs.toByteArray(), ours.toByteArray());
    assertEquals(value, VarintFrameCodec.readUvarint(new ByteArrayInputStream(ours.toByteArray())));
  }

  @Property
  void framesOfAnyLengthRoundTrip(@ForAll @Size(max = 3000) byte[] body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    VarintFrameCodec.writeUvarint(out, body.length);
    out.write(body);
    InputStream in = new ByteArrayInputStream(out.toByteArray());
    assertArrayEquals(body, codec.readFrame(in).orElseThrow());
    assertTrue(codec.readFrame(in).isEmpty());
  }

  /** Frames arrive split at arbitrary points, as TCP may deliver them; decoding must not care. */
  @Property
  void requestStreamsSurviveArbitrarySplits(
      @ForAll @Size(max = 20) List<@From("requests") Request> requests,
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 64) Integer> chunkSizes)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Request request : requests) {
      VarintFrameCodec.writeFrame(out, request);
    }
    InputStream in = new ChunkedInputStream(out.toByteArray(), chunkSizes);
    List<Request> decoded = new ArrayList<>();
    for (Optional<byte[]> f = codec.readFrame(in); f.isPresent(); f = codec.readFrame(in)) {
      decoded.add(Request.parseFrom(f.get()));
    }
    assertEquals(requests, decoded);
  }

  @Provide
  Arbitrary<Request> requests() {
    Arbitrary<String> text = Arbitraries.strings().ofMaxLength(40);
    Arbitrary<ByteString> bytes =
        Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(ByteString::copyFrom);
    Arbitrary<Request> echo =
        text.map(m -> Request.newBuilder().setEcho(RequestEcho.newBuilder().setMessage(m)).build());
    Arbitrary<Request> checkTx =
        bytes.map(
            tx -> Request.newBuilder().setCheckTx(RequestCheckTx.newBuilder().setTx(tx)).build());
    Arbitrary<Request> query =
        Combinators.combine(text, bytes, Arbitraries.longs().greaterOrEqual(0))
            .as(
                (path, data, height) ->
                    Request.newBuilder()
                        .setQuery(
                            RequestQuery.newBuilder().setPath(path).setData(data).setHeight(height))
                        .build());
    Arbitrary<Request> finalizeBlock =
        Combinators.combine(bytes.list().ofMaxSize(8), Arbitraries.longs().greaterOrEqual(1))
            .as(
                (txs, height) ->
                    Request.newBuilder()
                        .setFinalizeBlock(
                            RequestFinalizeBlock.newBuilder().addAllTxs(txs).setHeight(height))
                        .build());
    return Arbitraries.oneOf(
        echo, checkTx, query, finalizeBlock, Arbitraries.just(AbciTestClient.flush()));
  }

  /** Hands out bytes in reads no larger than the given chunk sizes, taken in turn. */
  private static final class ChunkedInputStream extends FilterInputStream {
    private final List<Integer> chunkSizes;
    private int reads;

    ChunkedInputStream(byte[] bytes, List<Integer> chunkSizes) {
      super(new ByteArrayInputStream(bytes));
      this.chunkSizes = chunkSizes;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int chunk = Math.min(len, chunkSizes.get(reads++ % chunkSizes.size()));
      return super.read(b, off, chunk);
    }
  }
}
