package org.sprintchain.store.rocksdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sprintchain.store.StateStore;
import org.sprintchain.store.testing.BlockGenerator;
import org.sprintchain.store.testing.InMemoryStateStore;

/**
 * kill -9 at random moments never loses an acknowledged commit and never leaves a half-applied one.
 * A child JVM commits deterministic blocks and is killed with SIGKILL; after each kill the store
 * must hold the last acknowledged version, or the one after it when the kill landed between a
 * commit and its ACK, with the same root and contents as a clean in-memory replay of the same
 * blocks up to the version it holds.
 */
class CrashRecoveryIntegrationTest {
  private static final Logger LOG = LoggerFactory.getLogger(CrashRecoveryIntegrationTest.class);
  private static final int KILLS = 200;
  private static final long SEED = 0x5EED_C0FFEEL;

  @TempDir Path work;

  @Test
  void killNineLosesNothingAcknowledgedAndLeavesNoHalfCommit() throws Exception {
    Path dir = work.resolve("store");
    Path libDir = extractNativeLibrary();
    SplittableRandom random = new SplittableRandom(SEED);
    InMemoryStateStore replay = InMemoryStateStore.create();
    long acknowledged = 0;
    int killedAfterACommit = 0;
    long started = System.nanoTime();
    for (int kill = 0; kill < KILLS; kill++) {
      Process child = start(dir, libDir, work.resolve("child.err"));
      AtomicLong lastAck = new AtomicLong(-1);
      AtomicLong opened = new AtomicLong(-1);
      try {
        Thread reader =
            Thread.ofPlatform().start(() -> readAcks(child.getInputStream(), opened, lastAck));
        awaitOpen(child, opened);
        // SIGKILL at a random moment: half the kills during the first (cold, slow) commit, half
        // after the first acknowledged one. They land anywhere in prepare, the WriteBatch write,
        // the fsync, pruning, or between commit and ACK.
        if (kill % 2 == 1) {
          awaitAck(child, opened.get(), lastAck);
        }
        Thread.sleep(random.nextInt(kill % 2 == 0 ? 40 : 60));
        // SIGKILL through the ProcessHandle: Process.destroyForcibly() also closes our end of the
        // child's stdout, which drops ACK lines still in the pipe (the parent then saw the store
        // two versions past the last ACK it read). The reader drains the pipe to EOF instead.
        child.toHandle().destroyForcibly();
        child.waitFor();
        reader.join();
      } finally {
        child.destroyForcibly();
      }
      if (lastAck.get() > opened.get()) {
        killedAfterACommit++;
      }
      acknowledged = Math.max(acknowledged, lastAck.get());
      acknowledged = verify(dir, acknowledged, replay);
    }
    LOG.info(
        "{} kills, {} after at least one commit, {} versions, {} ms",
        KILLS,
        killedAfterACommit,
        acknowledged,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    assertTrue(acknowledged > KILLS, "too few commits to mean anything: " + acknowledged);
    assertTrue(killedAfterACommit > KILLS / 4, "kills should land while committing");
  }

  private void awaitOpen(Process child, AtomicLong opened) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (opened.get() < 0 && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    assertTrue(
        opened.get() >= 0, () -> "child never opened the store; see " + work.resolve("child.err"));
  }

  private static void awaitAck(Process child, long opened, AtomicLong lastAck)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (lastAck.get() <= opened && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
  }

  /** Checks the reopened store against the replay; returns the version it holds. */
  private static long verify(Path dir, long acknowledged, InMemoryStateStore replay) {
    try (RocksDbStateStore store = RocksDbStateStore.open(dir, CrashingCommitter.OPTIONS)) {
      long version = store.latestVersion();
      // Nothing acknowledged may be lost, and nothing past the one commit that may have finished
      // between its write and its ACK may appear. The root and contents below must equal a clean
      // replay of exactly the version the store holds.
      assertTrue(
          version == acknowledged || version == acknowledged + 1,
          "store holds version " + version + " after ACK of " + acknowledged);
      while (replay.latestVersion() < version) {
        long next = replay.latestVersion() + 1;
        replay.commit(
            replay.prepare(
                BlockGenerator.blockAt(
                    SEED, next, CrashingCommitter.KEY_SPACE, CrashingCommitter.MAX_WRITES)));
      }
      assertArrayEquals(replay.rootHash(version), store.rootHash(), "root of version " + version);
      // The root covers the tree; the value history is a separate column, so compare it too.
      assertEquals(contents(replay, version), contents(store, version), "contents of " + version);
      return version;
    }
  }

  private static List<String> contents(StateStore store, long version) {
    List<String> out = new ArrayList<>();
    store.iterate(
        new byte[0],
        version,
        (k, v) -> out.add(HexFormat.of().formatHex(k) + "=" + HexFormat.of().formatHex(v)));
    return out;
  }

  private static Process start(Path dir, Path libDir, Path stderr) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-XX:-UsePerfData",
                "-Xmx256m",
                "--enable-native-access=ALL-UNNAMED",
                "-Djava.library.path=" + libDir,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp",
                classPath,
                CrashingCommitter.class.getName(),
                dir.toString(),
                Long.toString(SEED)));
    return new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()))
        .start();
  }

  private static void readAcks(InputStream in, AtomicLong opened, AtomicLong lastAck) {
    // Only newline-terminated lines count: a line cut short by the kill ("ACK 12" of "ACK 123")
    // must not be mistaken for an acknowledgement.
    StringBuilder line = new StringBuilder();
    try (InputStreamReader r = new InputStreamReader(in, StandardCharsets.US_ASCII)) {
      for (int c = r.read(); c >= 0; c = r.read()) {
        if (c != '\n') {
          line.append((char) c);
          continue;
        }
        String text = line.toString();
        line.setLength(0);
        if (text.startsWith("OPEN ")) {
          opened.set(Long.parseLong(text.substring(5)));
        } else if (text.startsWith("ACK ")) {
          lastAck.set(Long.parseLong(text.substring(4)));
        }
      }
    } catch (IOException e) {
      // The pipe breaks when the child dies; what was read so far is what was acknowledged.
    }
  }

  /**
   * RocksDB extracts its 14 MB native library to a temp file on every start and deletes it only on
   * orderly exit; a SIGKILLed child would leave one behind per kill. Extract it once instead.
   */
  private Path extractNativeLibrary() throws IOException {
    Path libDir = Files.createDirectories(work.resolve("lib"));
    try (InputStream so =
        org.rocksdb.RocksDB.class.getResourceAsStream("/librocksdbjni-linux64.so")) {
      if (so != null) {
        Files.copy(
            so, libDir.resolve("librocksdbjni-linux64.so"), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return libDir;
  }
}
