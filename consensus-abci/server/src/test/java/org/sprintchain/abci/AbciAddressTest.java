package org.sprintchain.abci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AbciAddressTest {

  @Test
  void parsesTcp() {
    AbciAddress address = AbciAddress.parse("tcp://127.0.0.1:26658");
    assertEquals(new AbciAddress.Tcp("127.0.0.1", 26658), address);
    assertEquals(new InetSocketAddress("127.0.0.1", 26658), address.socketAddress());
    assertEquals("tcp://127.0.0.1:26658", address.toString());
  }

  @Test
  void addressWithoutSchemeIsTcpAsInCometBft() {
    assertEquals(new AbciAddress.Tcp("localhost", 26658), AbciAddress.parse("localhost:26658"));
  }

  @Test
  void emptyHostMeansAllInterfaces() {
    assertEquals(new AbciAddress.Tcp("0.0.0.0", 1), AbciAddress.parse("tcp://:1"));
  }

  @Test
  void parsesBracketedIpv6() {
    AbciAddress address = AbciAddress.parse("tcp://[::1]:26658");
    assertEquals(new AbciAddress.Tcp("::1", 26658), address);
    assertEquals("tcp://[::1]:26658", address.toString());
  }

  @Test
  void parsesUnix() {
    AbciAddress address = AbciAddress.parse("unix:///var/run/sprint/app.sock");
    assertEquals(new AbciAddress.Unix(Path.of("/var/run/sprint/app.sock")), address);
    assertEquals(UnixDomainSocketAddress.of("/var/run/sprint/app.sock"), address.socketAddress());
    assertEquals("unix:///var/run/sprint/app.sock", address.toString());
  }

  @Test
  void toStringParsesBack() {
    for (String text : new String[] {"tcp://10.0.0.1:9", "unix:///tmp/a.sock", "tcp://[::1]:7"}) {
      AbciAddress address = AbciAddress.parse(text);
      assertEquals(address, AbciAddress.parse(address.toString()));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "grpc://127.0.0.1:26658",
        "tcp://127.0.0.1",
        "tcp://127.0.0.1:port",
        "tcp://127.0.0.1:65536",
        "tcp://127.0.0.1:-1",
        "unix://",
        ""
      })
  void rejectsBadAddresses(String text) {
    assertThrows(IllegalArgumentException.class, () -> AbciAddress.parse(text));
  }
}
