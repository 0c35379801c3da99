package org.sprintchain.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.inference.InferenceQueries;
import org.sprintchain.chain.query.StateProof;
import org.sprintchain.chain.state.Account;
import org.sprintchain.chain.state.Params;
import org.sprintchain.chain.state.StateKeys;
import org.sprintchain.store.ProofVerifier;

/**
 * Checks a proven {@code abci_query} answer against an app hash, with no trust in the node that
 * gave it:
 *
 * <ol>
 *   <li>the proof ops are exactly [{@code sprint/smt/v1}, {@code sprint/value/v1}], both for the
 *       store key that the query path reads (so a proof of another key is refused);
 *   <li>the Merkle proof shows that, under the app hash, that key holds the raw value of the second
 *       op (membership), or nothing when it is empty (absence);
 *   <li>the JSON answer is exactly that raw value decoded (an absent account is balance 0, sequence
 *       0).
 * </ol>
 *
 * Any failure is a {@link ProofVerificationException} naming the step.
 */
public final class QueryProofChecker {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private QueryProofChecker() {}

  /** Verifies an answer to {@code /account/<address>}. */
  public static AccountInfo account(Address address, AbciQueryResult answer, byte[] appHash) {
    Optional<byte[]> raw = provenValue(StateKeys.account(address), answer, appHash);
    JsonNode doc = json(answer);
    AccountInfo claimed = new AccountInfo(address, number(doc, "balance"), number(doc, "sequence"));
    if (!address.toString().equals(doc.path("address").asText())) {
      throw new ProofVerificationException(
          "the answer is for address '" + doc.path("address").asText() + "', not " + address);
    }
    if (claimed.balance() < 0) {
      throw new ProofVerificationException("the answer has a negative balance: " + doc);
    }
    Account account = new Account(claimed.balance(), claimed.sequence());
    byte[] expected = raw.orElse(null);
    boolean matches =
        expected == null
            ? account.equals(Account.EMPTY)
            : Arrays.equals(account.encode(), expected);
    if (!matches) {
      throw new ProofVerificationException(
          "the answer (balance "
              + claimed.balance()
              + ", sequence "
              + claimed.sequence()
              + ") is not the proven value "
              + (expected == null ? "(absent: balance 0, sequence 0)" : HEX.formatHex(expected)));
    }
    return claimed;
  }

  /** Verifies an answer to {@code /params}. */
  public static ChainParams params(AbciQueryResult answer, byte[] appHash) {
    Optional<byte[]> raw = provenValue(StateKeys.params(), answer, appHash);
    JsonNode doc = json(answer);
    ChainParams claimed = new ChainParams(number(doc, "min_fee"), number(doc, "max_tx_bytes"));
    if (raw.isEmpty()) {
      throw new ProofVerificationException("the proof shows that no params are stored");
    }
    byte[] encoded;
    try {
      encoded = new Params(claimed.minFee(), Math.toIntExact(claimed.maxTxBytes())).encode();
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new ProofVerificationException("the answer holds invalid params: " + e.getMessage());
    }
    if (!Arrays.equals(encoded, raw.get())) {
      throw new ProofVerificationException(
          "the answer "
              + answer.valueUtf8()
              + " is not the proven value "
              + HEX.formatHex(raw.get()));
    }
    return claimed;
  }

  /**
   * Verifies an answer to {@code /inference/job/<id>}: the proven record (key {@code 0x22 ‖ id})
   * decoded must equal the JSON answer field by field.
   */
  public static InferenceJob job(long id, AbciQueryResult answer, byte[] appHash) {
    Optional<byte[]> raw = provenValue(InferenceQueries.jobStoreKey(id), answer, appHash);
    if (raw.isEmpty()) {
      throw new ProofVerificationException("the proof shows that there is no job " + id);
    }
    InferenceJob proven;
    InferenceJob claimed;
    try {
      proven = InferenceJob.decodeRecord(id, raw.get());
    } catch (IllegalArgumentException e) {
      throw new ProofVerificationException(
          "the proven value is not a job record: " + e.getMessage());
    }
    try {
      claimed = InferenceJob.fromJson(json(answer));
    } catch (IllegalArgumentException e) {
      throw new ProofVerificationException("the answer is not a job: " + e.getMessage());
    }
    if (!proven.equals(claimed)) {
      throw new ProofVerificationException(
          "the answer " + claimed + " is not the proven record " + proven);
    }
    return proven;
  }

  /**
   * Checks the proof ops of {@code answer} for {@code storeKey} against {@code appHash}.
   *
   * @return the proven raw value, empty when the proof shows the key is absent
   */
  static Optional<byte[]> provenValue(byte[] storeKey, AbciQueryResult answer, byte[] appHash) {
    if (!answer.ok()) {
      throw new ProofVerificationException(
          "the query failed with code " + answer.code() + ": " + answer.log());
    }
    List<AbciQueryResult.ProofOp> ops = answer.proofOps();
    if (ops.size() != 2
        || !StateProof.PROOF_OP_TYPE.equals(ops.get(0).type())
        || !StateProof.VALUE_OP_TYPE.equals(ops.get(1).type())) {
      throw new ProofVerificationException(
          "expected proof ops ["
              + StateProof.PROOF_OP_TYPE
              + ", "
              + StateProof.VALUE_OP_TYPE
              + "], got "
              + ops.stream().map(AbciQueryResult.ProofOp::type).toList());
    }
    for (AbciQueryResult.ProofOp op : ops) {
      if (!Arrays.equals(op.key(), storeKey)) {
        throw new ProofVerificationException(
            "the "
                + op.type()
                + " op is for store key "
                + HEX.formatHex(op.key())
                + ", not the queried "
                + HEX.formatHex(storeKey));
      }
    }
    byte[] data = ops.get(1).data();
    Optional<byte[]> value = data.length == 0 ? Optional.empty() : Optional.of(data);
    if (!ProofVerifier.verify(ops.get(0).data(), storeKey, value, appHash)) {
      throw new ProofVerificationException(
          "the Merkle proof of "
              + (value.isPresent() ? "the value " + HEX.formatHex(data) : "absence")
              + " does not lead to app hash "
              + HEX.formatHex(appHash));
    }
    return value;
  }

  private static JsonNode json(AbciQueryResult answer) {
    try {
      JsonNode doc = JSON.readTree(answer.value());
      if (doc == null || !doc.isObject()) {
        throw new ProofVerificationException("the answer is not a JSON object");
      }
      return doc;
    } catch (IOException e) {
      throw new ProofVerificationException("the answer is not JSON: " + answer.valueUtf8());
    }
  }

  private static long number(JsonNode doc, String field) {
    JsonNode value = doc.get(field);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new ProofVerificationException(
          "the answer lacks the integer field '" + field + "': " + doc);
    }
    return value.longValue();
  }
}
