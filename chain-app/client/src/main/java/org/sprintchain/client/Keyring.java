package org.sprintchain.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sprintchain.chain.crypto.Ed25519;

/**
 * Unencrypted ed25519 keys for local use, one JSON file per key at {@code <home>/keys/<name>.json}
 * holding the address, the public key and the private key (hex). The directory is created with mode
 * 0700 and each file with mode 0600; an existing key is never overwritten.
 */
public final class Keyring {
  public static final String KEYS_DIR = "keys";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final Set<PosixFilePermission> DIR_MODE =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE_MODE =
      PosixFilePermissions.fromString("rw-------");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();

  private final Path dir;
  private final SecureRandom random;

  public Keyring(Path home) {
    this(home, new SecureRandom());
  }

  Keyring(Path home, SecureRandom random) {
    this.dir = home.resolve(KEYS_DIR);
    this.random = random;
  }

  /** The folder that holds the key files. */
  public Path directory() {
    return dir;
  }

  /** Generates a new key named {@code name}. */
  public KeyInfo add(String name) {
    byte[] seed = new byte[Ed25519.PRIVATE_KEY_LENGTH];
    random.nextBytes(seed);
    return importKey(name, Ed25519.KeyPair.fromPrivateKey(seed));
  }

  /** Stores {@code key} under {@code name}; refuses when that name is taken. */
  public KeyInfo importKey(String name, Ed25519.KeyPair key) {
    checkName(name);
    ObjectNode doc = JSON.createObjectNode();
    doc.put("name", name);
    doc.put("address", key.address().toString());
    doc.put("public_key", HEX.formatHex(key.publicKey()));
    doc.put("private_key", HEX.formatHex(key.privateKey()));
    Path file = fileOf(name);
    try {
      createDirectory();
      Files.write(
          Files.createFile(file, posix(FILE_MODE)),
          JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc),
          StandardOpenOption.TRUNCATE_EXISTING);
    } catch (FileAlreadyExistsException e) {
      throw new KeyringException(
          "key '" + name + "' already exists at " + file + "; refusing to overwrite it", e);
    } catch (IOException e) {
      throw new KeyringException("cannot write key '" + name + "' to " + file + ": " + e, e);
    }
    return new KeyInfo(name, key.address(), key.publicKey());
  }

  /** The key pair named {@code name}, for signing. */
  public Ed25519.KeyPair keyPair(String name) {
    checkName(name);
    JsonNode doc = read(name);
    Ed25519.KeyPair key;
    try {
      key = Ed25519.KeyPair.fromPrivateKey(HEX.parseHex(text(doc, name, "private_key")));
    } catch (IllegalArgumentException e) {
      throw new KeyringException(
          "key file " + fileOf(name) + " has an invalid private_key: " + e.getMessage(), e);
    }
    String address = text(doc, name, "address");
    if (!key.address().toString().equals(address)) {
      throw new KeyringException(
          "key file "
              + fileOf(name)
              + " is inconsistent: address "
              + address
              + " does not match its private key ("
              + key.address()
              + ")");
    }
    return key;
  }

  /** The public part of the key named {@code name}. */
  public KeyInfo show(String name) {
    Ed25519.KeyPair key = keyPair(name);
    return new KeyInfo(name, key.address(), key.publicKey());
  }

  public boolean contains(String name) {
    return NAME.matcher(name).matches() && Files.isRegularFile(fileOf(name));
  }

  /** All stored keys, sorted by name. */
  public List<KeyInfo> list() {
    List<KeyInfo> keys = new ArrayList<>();
    for (String name : names()) {
      keys.add(show(name));
    }
    return keys;
  }

  /** The names of all stored keys, sorted. */
  public List<String> names() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(f -> f.endsWith(".json"))
          .map(f -> f.substring(0, f.length() - ".json".length()))
          .filter(n -> NAME.matcher(n).matches())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new KeyringException("cannot list keys in " + dir + ": " + e, e);
    }
  }

  private JsonNode read(String name) {
    Path file = fileOf(name);
    if (!Files.isRegularFile(file)) {
      List<String> known = names();
      throw new KeyringException(
          "unknown key '"
              + name
              + "' (no "
              + file
              + "); "
              + (known.isEmpty()
                  ? "no keys exist yet, create one with 'keys add " + name + "'"
                  : "known keys: " + String.join(", ", known)));
    }
    try {
      return JSON.readTree(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new KeyringException("cannot read key file " + file + ": " + e.getMessage(), e);
    }
  }

  private String text(JsonNode doc, String name, String field) {
    JsonNode value = doc.get(field);
    if (value == null || !value.isTextual()) {
      throw new KeyringException("key file " + fileOf(name) + " lacks the field '" + field + "'");
    }
    return value.asText();
  }

  private void createDirectory() throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir.getParent());
      try {
        Files.createDirectory(dir, posix(DIR_MODE));
      } catch (FileAlreadyExistsException e) {
        // created concurrently; fine
      }
    }
  }

  private static FileAttribute<?>[] posix(Set<PosixFilePermission> mode) {
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)};
  }

  private Path fileOf(String name) {
    return dir.resolve(name + ".json");
  }

  private static void checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new KeyringException(
          "invalid key name '"
              + name
              + "': use 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit");
    }
  }
}
