package org.sprintchain.abci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tendermint.abci.Request;

class VarintFrameCodecTest {
  private static final HexFormat HEX = HexFormat.of();
  private final VarintFrameCodec codec = new VarintFrameCodec(1024);

  @ParameterizedTest
  @CsvSource({
    "0, 00",
    "1, 01",
    "127, 7f",
    "128, 8001",
    "300, ac02",
    "16384, 808001",
    "2147483647, ffffffff07",
    "-1, ffffffffffffffffff01"
  })
  void uvarintMatchesProtobufEncoding(long value, String hex) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    VarintFrameCodec.writeUvarint(out, value);
    assertEquals(hex, HEX.formatHex(out.toByteArray()));
    assertEquals(value, VarintFrameCodec.readUvarint(new ByteArrayInputStream(HEX.parseHex(hex))));
  }

  @Test
  void frameIsUvarintLengthThenBody() throws IOException {
    Request request = AbciTestClient.echo("hi");
    ByteArrayOutputStream ours = new ByteArrayOutputStream();
    VarintFrameCodec.writeFrame(ours, request);
    ByteArrayOutputStream protobufs = new ByteArrayOutputStream();
    request.writeDelimitedTo(protobufs);
    assertArrayEquals(protobufs.toByteArray(), ours.toByteArray());
    // Request{echo(1): RequestEcho{message(1): "hi"}}
    assertEquals("060a040a026869", HEX.formatHex(ours.toByteArray()));
  }

  @Test
  void cleanEndOfStreamBetweenFramesIsEmpty() throws IOException {
    assertTrue(codec.readFrame(new ByteArrayInputStream(new byte[0])).isEmpty());
  }

  @Test
  void zeroLengthFrameIsAnEmptyBody() throws IOException {
    assertArrayEquals(new byte[0], codec.readFrame(stream("00")).orElseThrow());
  }

  @Test
  void frameAtTheLimitIsAccepted() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    VarintFrameCodec.writeUvarint(out, 1024);
    out.write(new byte[1024]);
    assertEquals(1024, codec.readFrame(new ByteArrayInputStream(out.toByteArray())).get().length);
  }

  @Test
  void frameOverTheLimitIsRejectedBeforeReadingTheBody() {
    InvalidFrameException e =
        assertThrows(InvalidFrameException.class, () -> codec.readFrame(stream("8108")));
    assertTrue(e.getMessage().contains("1025"), e.getMessage());
  }

  @Test
  void hugeUnsignedLengthIsRejected() {
    assertThrows(
        InvalidFrameException.class, () -> codec.readFrame(stream("ffffffffffffffffff01")));
  }

  @Test
  void varintLongerThanTenBytesIsRejected() {
    assertThrows(
        InvalidFrameException.class, () -> codec.readFrame(stream("8080808080808080808001")));
  }

  @Test
  void tenthVarintByteAboveOneOverflows() {
    assertThrows(
        InvalidFrameException.class, () -> codec.readFrame(stream("ffffffffffffffffff02")));
  }

  @Test
  void streamEndingInsideTheLengthIsEof() {
    assertThrows(EOFException.class, () -> codec.readFrame(stream("80")));
  }

  @Test
  void streamEndingInsideTheBodyIsEof() {
    assertThrows(EOFException.class, () -> codec.readFrame(stream("050102")));
  }

  @Test
  void limitMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new VarintFrameCodec(0));
  }

  private static ByteArrayInputStream stream(String hex) {
    return new ByteArrayInputStream(HEX.parseHex(hex));
  }
}
