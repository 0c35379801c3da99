package org.sprintchain.chain.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.sprintchain.chain.ChainTestData;

class StateCodecTest {
  @Test
  void accountIsSixteenBigEndianBytes() {
    Account account = new Account(0x0102, 3);
    assertEquals(
        "0000000000000102" + "0000000000000003", HexFormat.of().formatHex(account.encode()));
    assertEquals(account, Account.decode(account.encode()));
    assertThrows(IllegalStateException.class, () -> Account.decode(new byte[15]));
  }

  @Test
  void accountArithmeticIsOverflowChecked() {
    assertThrows(ArithmeticException.class, () -> new Account(Long.MAX_VALUE, 0).credit(1));
    assertThrows(ArithmeticException.class, () -> new Account(0, Long.MAX_VALUE).nextSequence());
    assertThrows(IllegalArgumentException.class, () -> new Account(1, 0).debit(2));
    assertThrows(IllegalArgumentException.class, () -> new Account(-1, 0));
  }

  @Test
  void paramsRoundTripAndBounds() {
    Params params = new Params(5, 1024);
    assertEquals(params, Params.decode(params.encode()));
    assertEquals(12, params.encode().length);
    assertThrows(IllegalArgumentException.class, () -> new Params(1, 0));
    assertThrows(IllegalArgumentException.class, () -> new Params(-1, 10));
  }

  @Test
  void chainMetaRoundTripAndHeights() {
    ChainMeta meta = new ChainMeta("sprint-1", 1, 0);
    assertEquals(meta, ChainMeta.decode(meta.encode()));
    assertEquals(1, meta.nextHeight());
    ChainMeta later = new ChainMeta("x", 100, 0);
    assertEquals(100, later.nextHeight());
    assertEquals(1, later.versionOf(100));
    assertEquals(101, later.withLastHeight(100).nextHeight());
    assertThrows(IllegalArgumentException.class, () -> new ChainMeta("", 1, 0));
  }

  @Test
  void keysCarryStablePrefixes() {
    byte[] key = StateKeys.account(ChainTestData.address(0));
    assertEquals(21, key.length);
    assertEquals(0x01, key[0]);
    assertArrayEquals(new byte[] {0x02}, StateKeys.params());
    assertArrayEquals(new byte[] {0x03}, StateKeys.chain());
  }
}
