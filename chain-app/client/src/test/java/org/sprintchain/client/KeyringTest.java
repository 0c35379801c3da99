package org.sprintchain.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sprintchain.chain.crypto.Ed25519;

class KeyringTest {
  @TempDir Path home;

  @Test
  void addCreatesOwnerOnlyFilesAndDirectory() throws IOException {
    Keyring keyring = new Keyring(home);
    KeyInfo key = keyring.add("alice");

    Path file = home.resolve("keys/alice.json");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("keys"))));
    String json = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(json.contains(key.address().toString()), json);
    assertTrue(json.contains(key.publicKeyHex()), json);
    assertTrue(json.contains("private_key"), json);
  }

  @Test
  void storedKeySignsAsTheGeneratedOne() {
    Keyring keyring = new Keyring(home);
    KeyInfo info = keyring.add("alice");
    Ed25519.KeyPair pair = keyring.keyPair("alice");

    assertEquals(info.address(), pair.address());
    assertArrayEquals(info.publicKey(), pair.publicKey());
    byte[] message = {1, 2, 3};
    assertTrue(Ed25519.verify(pair.publicKey(), message, pair.sign(message)));
  }

  @Test
  void importKeepsTheGivenKey() {
    Ed25519.KeyPair pair = Ed25519.KeyPair.fromPrivateKey(new byte[32]);
    KeyInfo info = new Keyring(home).importKey("zero", pair);

    assertEquals(pair.address(), info.address());
    assertEquals(pair.address(), new Keyring(home).show("zero").address());
  }

  @Test
  void refusesToOverwrite() {
    Keyring keyring = new Keyring(home);
    KeyInfo first = keyring.add("alice");

    KeyringException e = assertThrows(KeyringException.class, () -> keyring.add("alice"));
    assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    assertEquals(first.address(), keyring.show("alice").address());
  }

  @Test
  void unknownKeyNamesTheKnownOnes() {
    Keyring keyring = new Keyring(home);
    keyring.add("alice");
    keyring.add("bob");

    KeyringException e = assertThrows(KeyringException.class, () -> keyring.keyPair("carol"));
    assertTrue(e.getMessage().contains("unknown key 'carol'"), e.getMessage());
    assertTrue(e.getMessage().contains("alice, bob"), e.getMessage());
  }

  @Test
  void unknownKeyInAnEmptyKeyringSaysHowToCreateOne() {
    KeyringException e = assertThrows(KeyringException.class, () -> new Keyring(home).show("demo"));
    assertTrue(e.getMessage().contains("keys add demo"), e.getMessage());
  }

  @Test
  void refusesNamesThatCouldEscapeTheDirectory() {
    Keyring keyring = new Keyring(home);
    for (String bad : List.of("../x", "a/b", "", ".hidden", "x".repeat(65))) {
      assertThrows(KeyringException.class, () -> keyring.add(bad), bad);
    }
  }

  @Test
  void listIsSortedByName() {
    Keyring keyring = new Keyring(home);
    assertEquals(List.of(), keyring.list());
    keyring.add("zed");
    keyring.add("amy");

    assertEquals(List.of("amy", "zed"), keyring.list().stream().map(KeyInfo::name).toList());
    assertTrue(keyring.contains("amy"));
    assertFalse(keyring.contains("bob"));
  }

  @Test
  void detectsATamperedAddress() throws IOException {
    Keyring keyring = new Keyring(home);
    KeyInfo alice = keyring.add("alice");
    KeyInfo bob = keyring.add("bob");
    Path file = home.resolve("keys/alice.json");
    Files.writeString(
        file, Files.readString(file).replace(alice.address().toString(), bob.address().toString()));

    KeyringException e = assertThrows(KeyringException.class, () -> keyring.keyPair("alice"));
    assertTrue(e.getMessage().contains("inconsistent"), e.getMessage());
  }

  @Test
  void reportsAGarbledFile() throws IOException {
    Files.createDirectories(home.resolve("keys"));
    Files.writeString(home.resolve("keys/bad.json"), "{not json");

    KeyringException e =
        assertThrows(KeyringException.class, () -> new Keyring(home).keyPair("bad"));
    assertTrue(e.getMessage().contains("cannot read key file"), e.getMessage());
  }
}
