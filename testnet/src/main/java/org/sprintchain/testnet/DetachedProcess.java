package org.sprintchain.testnet;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A background OS process that outlives the JVM that started it. It runs in its own session ({@code
 * setsid}, when available, so a Ctrl-C or a closed terminal does not reach it), appends its output
 * to a log file, and is found again through a pid file that records its pid and start time (so a
 * recycled pid is not mistaken for it).
 */
public final class DetachedProcess {
  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private final Path pidFile;
  private final long pid;
  private final Optional<Instant> startedAt;

  private DetachedProcess(Path pidFile, long pid, Optional<Instant> startedAt) {
    this.pidFile = pidFile;
    this.pid = pid;
    this.startedAt = startedAt;
  }

  /** Starts {@code command} with stdin from /dev/null and stdout+stderr appended to {@code log}. */
  public static DetachedProcess start(List<String> command, Path workDir, Path log, Path pidFile) {
    List<String> full = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      full.add(SETSID.toString());
    }
    full.addAll(command);
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      Files.writeString(
          log,
          "---- " + Instant.now() + " starting: " + String.join(" ", command) + "\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      Process p =
          new ProcessBuilder(full)
              .directory(workDir.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectErrorStream(true)
              .start();
      ProcessHandle handle = p.toHandle();
      Optional<Instant> started = handle.info().startInstant();
      Files.writeString(
          pidFile,
          p.pid() + "\n" + started.map(Instant::toString).orElse("") + "\n",
          StandardCharsets.UTF_8);
      return new DetachedProcess(pidFile, p.pid(), started);
    } catch (IOException e) {
      throw new TestnetException("cannot start '" + String.join(" ", command) + "': " + e, e);
    }
  }

  /** The process recorded in {@code pidFile}, whether or not it still runs. */
  public static Optional<DetachedProcess> fromPidFile(Path pidFile) {
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
      long pid = Long.parseLong(lines.get(0).strip());
      Optional<Instant> started =
          lines.size() > 1 && !lines.get(1).isBlank()
              ? Optional.of(Instant.parse(lines.get(1).strip()))
              : Optional.empty();
      return Optional.of(new DetachedProcess(pidFile, pid, started));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // unreadable or garbled: treat as not running
    }
  }

  public long pid() {
    return pid;
  }

  public Path pidFile() {
    return pidFile;
  }

  /** True when the recorded process still runs (same pid and start time). */
  public boolean isAlive() {
    return handle().isPresent();
  }

  private Optional<ProcessHandle> handle() {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(
            h ->
                startedAt.isEmpty()
                    || h.info().startInstant().isEmpty()
                    || sameSecond(h.info().startInstant().get(), startedAt.get()));
  }

  private static boolean sameSecond(Instant a, Instant b) {
    return Math.abs(Duration.between(a, b).toMillis()) < 1000;
  }

  /**
   * Sends SIGTERM, waits up to {@code grace}, then SIGKILL; removes the pid file.
   *
   * @return true when the process had to be killed
   */
  public boolean stop(Duration grace) {
    boolean killed = false;
    Optional<ProcessHandle> h = handle();
    if (h.isPresent()) {
      ProcessHandle process = h.get();
      if (isPaused()) {
        signal(Signal.CONT); // a stopped process would hold SIGTERM until the grace runs out
      }
      process.destroy();
      if (!awaitExit(process, grace)) {
        process.destroyForcibly();
        killed = true;
        awaitExit(process, Duration.ofSeconds(10));
      }
    }
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      throw new TestnetException("cannot remove pid file " + pidFile + ": " + e, e);
    }
    return killed;
  }

  /**
   * SIGKILL, with no SIGTERM first (a crash, as in {@code kill -9}); waits until the process is
   * gone and removes the pid file. A paused (SIGSTOPped) process dies too.
   *
   * @return true when the process was alive and got the signal
   */
  public boolean kill() {
    boolean sent = sendKill();
    awaitGone(Duration.ofSeconds(10));
    return sent;
  }

  /** Sends SIGKILL and returns at once; see {@link #awaitGone}. */
  boolean sendKill() {
    Optional<ProcessHandle> h = handle();
    return h.isPresent() && h.get().destroyForcibly();
  }

  /** Waits up to {@code timeout} for the process to exit, then removes the pid file. */
  void awaitGone(Duration timeout) {
    handle().ifPresent(p -> awaitExit(p, timeout));
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      throw new TestnetException("cannot remove pid file " + pidFile + ": " + e, e);
    }
  }

  /** The job-control signals that {@link #signal} sends. */
  public enum Signal {
    /** SIGSTOP: freeze the process (it cannot catch or ignore it). */
    STOP,
    /** SIGCONT: let a stopped process run again. */
    CONT
  }

  /**
   * Sends {@code signal} with {@code kill -SIG pid}.
   *
   * @throws TestnetException when the process is not running or {@code kill} fails
   */
  public void signal(Signal signal) {
    if (!isAlive()) {
      throw new TestnetException("process " + pid + " (" + pidFile + ") is not running");
    }
    List<String> command = List.of("kill", "-" + signal.name(), Long.toString(pid));
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new TestnetException("'" + String.join(" ", command) + "' did not finish");
      }
      if (p.exitValue() != 0) {
        throw new TestnetException(
            "'"
                + String.join(" ", command)
                + "' failed: "
                + new String(out, StandardCharsets.UTF_8).strip());
      }
    } catch (IOException e) {
      throw new TestnetException("cannot run '" + String.join(" ", command) + "': " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TestnetException("interrupted while sending SIG" + signal, e);
    }
  }

  /**
   * True when the process is stopped by a signal (state {@code T} in {@code /proc/PID/stat}); false
   * when it runs, is gone, or the system has no {@code /proc}.
   */
  public boolean isPaused() {
    if (!isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // "pid (comm) S ...": the state follows the last ')' since comm may hold spaces or parens
      int close = stat.lastIndexOf(')');
      return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'T';
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean awaitExit(ProcessHandle process, Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  /** The last {@code maxLines} lines of a log file (empty when there is none). */
  public static String tail(Path log, int maxLines) {
    if (!Files.isRegularFile(log)) {
      return "";
    }
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
      long len = f.length();
      long from = Math.max(0, len - 16_384);
      byte[] buf = new byte[(int) (len - from)];
      f.seek(from);
      f.readFully(buf);
      List<String> lines = new String(buf, StandardCharsets.UTF_8).lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - maxLines), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }
}
