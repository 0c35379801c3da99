package org.sprintchain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a {@link SprintStatus} as the text of {@code sprint status}. Pure: no I/O. */
final class SprintStatusView {
  static final String NONE = "-";

  private SprintStatusView() {}

  static String render(SprintStatus s) {
    StringBuilder out = new StringBuilder();
    current(out, s);
    out.append('\n');
    validators(out, s.validators());
    out.append('\n');
    settled(out, s);
    s.worker()
        .ifPresent(
            w -> {
              out.append('\n');
              worker(out, w);
            });
    out.append('\n');
    local(out, s.local());
    return out.toString();
  }

  private static void current(StringBuilder out, SprintStatus s) {
    JsonNode c = s.current();
    long height = c.path("height").asLong();
    long left = Math.max(0, c.path("phase_end").asLong() - height);
    line(out, "node %s at height %d", s.node(), height);
    line(out, "epoch:          %s (of the next block)", text(c, "epoch"));
    line(
        out,
        "phase:          %s, heights %s..%s, %d block(s) left",
        text(c, "phase"),
        text(c, "phase_start"),
        text(c, "phase_end"),
        left);
    line(out, "seed:           %s", text(c, "seed"));
    line(out, "settle height:  %s", text(c, "settle_height"));
    line(out, "workers:        %s", text(c, "workers"));
    line(out, "open disputes:  %s", text(c, "open_disputes"));
  }

  private static void validators(StringBuilder out, JsonNode v) {
    long total = v.path("total_power").asLong();
    line(out, "validators (total power %d):", total);
    String format = "  %-44s %10s %7s %14s%n";
    out.append(String.format(Locale.ROOT, format, "operator", "power", "share", "verified work"));
    for (JsonNode val : v.path("validators")) {
      String who = val.path("operator").asText();
      out.append(
          String.format(
              Locale.ROOT,
              format,
              who.isEmpty() ? "- (key " + abbreviate(val.path("pub_key").asText()) + ")" : who,
              text(val, "power"),
              share(val.path("power").asLong(), total),
              text(val, "last_work")));
    }
  }

  private static void settled(StringBuilder out, SprintStatus s) {
    if (s.lastSettled().isEmpty()) {
      line(out, "last settled epoch: none in the last %d epoch(s)", SprintStatus.SETTLED_LOOKBACK);
      return;
    }
    JsonNode e = s.lastSettled().get();
    line(
        out,
        "last settled epoch %s: %s, %s passed, emission %s, paid %s, fee pot %s",
        text(e, "epoch"),
        text(e, "status"),
        text(e, "passed"),
        text(e, "emission"),
        text(e, "paid"),
        text(e, "fee_pot"));
    String format = "  %-44s %-16s %10s %8s %10s %8s%n";
    out.append(
        String.format(
            Locale.ROOT, format, "worker", "outcome", "work", "power", "reward", "slashed"));
    for (JsonNode w : e.path("workers")) {
      out.append(
          String.format(
              Locale.ROOT,
              format,
              text(w, "operator"),
              text(w, "outcome"),
              text(w, "work"),
              text(w, "power"),
              text(w, "reward"),
              text(w, "slashed")));
    }
  }

  private static void worker(StringBuilder out, SprintStatus.Worker w) {
    JsonNode e = w.inEpoch();
    line(out, "worker %s in epoch %s:", w.address(), text(e, "epoch"));
    long count = e.path("count").asLong();
    line(
        out,
        "  commitment:  %s",
        count > 0 ? count + " winner(s), root " + text(e, "root") : "none");
    int sampled = e.path("sample").size();
    line(
        out,
        "  sample:      %s",
        e.path("sample_known").asBoolean()
            ? sampled + " index(es) " + indices(e.path("sample"))
            : "not drawn yet");
    line(out, "  opened:      %d of %d %s", e.path("opened").size(), sampled, indices(e, "opened"));
    line(
        out,
        "  published:   %d of %d digest(s) %s",
        e.path("published").size(),
        sampled,
        indices(e, "published"));
    line(out, "  auditors:    %s", e.path("auditors").isEmpty() ? NONE : list(e.path("auditors")));
    if (e.has("result")) {
      JsonNode r = e.path("result");
      line(
          out,
          "  result:      %s, work %s, power %s, reward %s, slashed %s",
          text(r, "outcome"),
          text(r, "work"),
          text(r, "power"),
          text(r, "reward"),
          text(r, "slashed"));
    }
    if (w.record().isPresent()) {
      JsonNode r = w.record().get();
      line(out, "  deposit:     %s", text(r, "deposit"));
      line(
          out,
          "  jail:        %s (jailed through epoch %s)",
          r.path("jailed").asBoolean() ? "JAILED" : "not jailed",
          text(r, "jailed_through"));
      line(out, "  last work:   %s", text(r, "last_work"));
    } else {
      line(out, "  record:      %s", w.problem().orElse(NONE));
    }
  }

  private static void local(StringBuilder out, SprintStatus.LocalWorker l) {
    if (l.problem().isPresent()) {
      line(out, "worker status: unreadable: %s", l.problem().get());
      return;
    }
    if (l.doc().isEmpty()) {
      line(out, "worker status: not available");
      return;
    }
    JsonNode d = l.doc().get();
    line(
        out,
        "worker status (%s, updated %s):",
        l.file().map(Object::toString).orElse(NONE),
        text(d, "updated_at"));
    line(out, "  epoch %s, phase %s", text(d, "epoch"), text(d, "phase"));
    line(
        out,
        "  nonces/s %s, nonces %s, winners %s",
        rate(d.path("nonces_per_second")),
        text(d, "nonces"),
        text(d, "winners"));
    line(out, "  committed %s, revealed %s", yesNo(d.path("committed")), yesNo(d.path("revealed")));
    line(
        out,
        "  audits sent %s, digests sent %s, disputes stepped %s",
        text(d, "audits_sent"),
        text(d, "digests_sent"),
        text(d, "disputes_stepped"));
    line(out, "  last error: %s", text(d, "last_error"));
  }

  /** The field as text, or {@value #NONE} when absent, null or empty. */
  static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return NONE;
    }
    String s = v.asText();
    return s.isEmpty() ? NONE : s;
  }

  static String share(long power, long total) {
    return String.format(Locale.ROOT, "%.1f%%", total > 0 ? 100.0 * power / total : 0.0);
  }

  private static String abbreviate(String hex) {
    return hex.length() > 16 ? hex.substring(0, 16) + "..." : hex;
  }

  private static String rate(JsonNode v) {
    return v.isNumber() ? String.format(Locale.ROOT, "%.1f", v.asDouble()) : NONE;
  }

  private static String yesNo(JsonNode v) {
    if (v.isBoolean()) {
      return v.asBoolean() ? "yes" : "no";
    }
    return v.isMissingNode() || v.isNull() ? NONE : v.asText();
  }

  private static String indices(JsonNode e, String field) {
    return e.path(field).isEmpty() ? "" : indices(e.path(field));
  }

  private static String indices(JsonNode array) {
    return "[" + list(array) + "]";
  }

  private static String list(JsonNode array) {
    List<String> items = new ArrayList<>();
    array.forEach(i -> items.add(i.asText()));
    return String.join(", ", items);
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
