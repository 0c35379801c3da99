package org.sprintchain.testnet.audit;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The text report of {@code bench audit}. */
final class AuditReportPrinter {
  private AuditReportPrinter() {}

  static void printCost(PrintStream out, AuditBenchOptions o, AuditCost c, int auditors) {
    double genSeconds = c.generationNanos() / 1e9;
    double genMicrosPerNonce = c.generationNanos() / 1e3 / c.nonces();
    double recomputeMicros = c.recomputeNanos() / 1e3 / Math.max(1, c.opened());
    out.printf(
        Locale.ROOT,
        "bench audit: preset %s, backend %s, %d cores; no network%n",
        o.preset(),
        c.backend(),
        Runtime.getRuntime().availableProcessors());
    out.println("part 1: verification cost against generation cost (one worker, one auditor)");
    out.printf(
        Locale.ROOT,
        "  generation  N = %d nonces in %.3f s (%.1f nonces/s, %.1f us/nonce, batched)%n",
        c.nonces(),
        genSeconds,
        c.nonces() / genSeconds,
        genMicrosPerNonce);
    out.printf(
        Locale.ROOT,
        "  difficulty  1 in %d (p = %.5f): W = %d winners; tree + commitment %.2f ms (worker)%n",
        c.oneIn(),
        1.0 / c.oneIn(),
        c.winners(),
        c.treeNanos() / 1e6);
    out.printf(
        Locale.ROOT,
        "  audit       %d leaves opened: sample + proofs %.2f ms, recompute %.2f ms"
            + " (%.1f us/nonce, single with layer hashes) = %.2f ms; all verified: %s%n",
        c.opened(),
        c.proofNanos() / 1e6,
        c.recomputeNanos() / 1e6,
        recomputeMicros,
        c.auditNanos() / 1e6,
        c.verified() ? "yes" : "NO");
    out.printf(
        Locale.ROOT,
        "  cost        audit/generation = %s per auditor (a = %d auditors: %s);"
            + " analytic k/N = %s (a*k/N = %s)%n",
        AuditBenchmark.percent(c.costFraction()),
        auditors,
        AuditBenchmark.percent(auditors * c.costFraction()),
        AuditBenchmark.percent(c.analyticFraction()),
        AuditBenchmark.percent(auditors * c.analyticFraction()));
    long perAuditor = c.noncesForFraction(AuditBenchmark.COST_TARGET, 1);
    long allAuditors = c.noncesForFraction(AuditBenchmark.COST_TARGET, auditors);
    String verdict = c.costFraction() <= AuditBenchmark.COST_TARGET ? "within" : "ABOVE";
    out.printf(
        Locale.ROOT,
        "  verdict     %s the 1%% target per auditor at N = %d; k is fixed, so the fraction falls"
            + " as 1/N: <= 1%% needs N >= %d per auditor, N >= %d for all %d auditors%n",
        verdict,
        c.nonces(),
        perAuditor,
        allAuditors,
        auditors);
  }

  static void printDetection(PrintStream out, AuditBenchOptions o, List<DetectionEstimate> list) {
    out.printf(
        Locale.ROOT,
        "part 2: detection of fake winners: W = %d, k = %d, T = %d trials; audit seed of trial t"
            + " = SHA-256(label || t), real AuditSampler, recompute simulated as a fake-set"
            + " lookup%n",
        o.winners(),
        o.samples(),
        o.trials());
    out.println(
        "  fake      F   detected       rate   95% Wilson interval       exact  agrees"
            + "  misses expected (T*P_miss)");
    for (DetectionEstimate e : list) {
      WilsonInterval ci = e.interval();
      out.printf(
          Locale.ROOT,
          "  %4.0f%% %6d %5d/%-5d %8s   [%8s, %8s] %11s  %-6s  %d (%.3g)%n",
          e.fakeBps() / 100.0,
          e.fakes(),
          e.detected(),
          e.trials(),
          AuditBenchmark.percent(e.rate()),
          AuditBenchmark.percent(ci.low()),
          AuditBenchmark.percent(ci.high()),
          exactPercent(e.exact()),
          e.agrees() ? "yes" : "no",
          e.trials() - e.detected(),
          e.trials() * (1 - e.exact()));
    }
    out.printf(
        Locale.ROOT,
        "  %d trials resolve a miss rate down to about %s; exact misses below that show as 100%%;"
            + " a 95%% interval misses the exact value in 1 run of 20%n",
        o.trials(),
        AuditBenchmark.percent(3.0 / o.trials()));
  }

  private static String exactPercent(double x) {
    return String.format(Locale.ROOT, x > 0.9999 ? "%.4f%%" : "%.2f%%", 100 * x);
  }
}
