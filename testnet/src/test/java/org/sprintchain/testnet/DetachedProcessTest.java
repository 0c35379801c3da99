package org.sprintchain.testnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetachedProcessTest {
  @TempDir Path dir;

  @Test
  void startsFindsAndStopsAProcess() {
    Path pidFile = dir.resolve("p.pid");
    DetachedProcess p =
        DetachedProcess.start(
            List.of("sh", "-c", "echo hello; exec sleep 60"), dir, dir.resolve("p.log"), pidFile);
    try {
      assertTrue(p.isAlive());
      DetachedProcess found = DetachedProcess.fromPidFile(pidFile).orElseThrow();
      assertEquals(p.pid(), found.pid());
      assertTrue(found.isAlive());

      assertFalse(found.stop(Duration.ofSeconds(5)), "sleep ends on SIGTERM");
      assertFalse(p.isAlive());
      assertFalse(Files.exists(pidFile));
    } finally {
      p.stop(Duration.ZERO);
    }
  }

  @Test
  void killsAProcessThatIgnoresSigterm() {
    DetachedProcess p =
        DetachedProcess.start(
            List.of("sh", "-c", "trap '' TERM; while true; do sleep 1; done"),
            dir,
            dir.resolve("p.log"),
            dir.resolve("p.pid"));
    try {
      NodeProcess.sleep(300); // let the shell install its trap
      assertTrue(p.stop(Duration.ofMillis(500)), "needed SIGKILL");
      assertFalse(p.isAlive());
    } finally {
      p.stop(Duration.ZERO);
    }
  }

  @Test
  void killSendsSigkillWithoutSigtermFirst() {
    // The trap would create the file "termed" if SIGTERM came first; SIGKILL cannot be trapped.
    DetachedProcess p =
        DetachedProcess.start(
            List.of("sh", "-c", "trap 'touch termed' TERM; while true; do sleep 1; done"),
            dir,
            dir.resolve("p.log"),
            dir.resolve("p.pid"));
    try {
      NodeProcess.sleep(300);
      long start = System.nanoTime();
      assertTrue(p.kill());
      assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5_000);
      assertFalse(p.isAlive());
      assertFalse(Files.exists(dir.resolve("p.pid")));
      NodeProcess.sleep(200);
      assertFalse(Files.exists(dir.resolve("termed")), "no SIGTERM first");
    } finally {
      p.stop(Duration.ZERO);
    }
  }

  @Test
  void pauseAndResumeWithSigstopAndSigcont() {
    DetachedProcess p =
        DetachedProcess.start(
            List.of("sh", "-c", "exec sleep 60"), dir, dir.resolve("p.log"), dir.resolve("p.pid"));
    try {
      assertFalse(p.isPaused());
      p.signal(DetachedProcess.Signal.STOP);
      assertTrue(awaitPaused(p, true), "state T after SIGSTOP");
      p.signal(DetachedProcess.Signal.CONT);
      assertTrue(awaitPaused(p, false), "running after SIGCONT");

      p.signal(DetachedProcess.Signal.STOP);
      assertTrue(awaitPaused(p, true));
      assertFalse(p.stop(Duration.ofSeconds(5)), "a paused process still ends on SIGTERM");
      assertFalse(p.isAlive());
    } finally {
      p.stop(Duration.ZERO);
    }
  }

  private static boolean awaitPaused(DetachedProcess p, boolean paused) {
    for (int i = 0; i < 50; i++) {
      if (p.isPaused() == paused) {
        return true;
      }
      NodeProcess.sleep(20);
    }
    return false;
  }

  @Test
  void logTailHoldsTheOutput() throws IOException {
    DetachedProcess p =
        DetachedProcess.start(
            List.of("sh", "-c", "echo one; echo two"),
            dir,
            dir.resolve("p.log"),
            dir.resolve("p.pid"));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (p.isAlive() && System.nanoTime() < deadline) {
      NodeProcess.sleep(50);
    }
    assertEquals("one\ntwo", DetachedProcess.tail(dir.resolve("p.log"), 2));
    assertTrue(Files.readString(dir.resolve("p.log")).startsWith("---- "));
  }

  @Test
  void aGarbledOrStalePidFileMeansNotRunning() throws IOException {
    Path pidFile = dir.resolve("x.pid");
    Files.writeString(pidFile, "not a pid\n");
    assertTrue(DetachedProcess.fromPidFile(pidFile).isEmpty());

    Files.writeString(pidFile, ProcessHandle.current().pid() + "\n2001-01-01T00:00:00Z\n");
    assertFalse(
        DetachedProcess.fromPidFile(pidFile).orElseThrow().isAlive(),
        "a live pid with another start time is a recycled pid");
  }
}
