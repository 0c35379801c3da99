package org.sprintchain.chain.exec;

import java.util.ArrayList;
import java.util.List;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.inference.InferenceMessages;
import org.sprintchain.chain.sprint.SprintMessages;
import org.sprintchain.chain.state.Account;
import org.sprintchain.chain.state.Params;
import org.sprintchain.chain.state.WorkingState;
import org.sprintchain.chain.tx.RejectReason;
import org.sprintchain.chain.tx.Transaction;
import org.sprintchain.chain.tx.TxRejectedException;
import org.sprintchain.proto.tx.v1.Msg;
import org.sprintchain.proto.tx.v1.MsgSend;
import org.sprintchain.proto.tx.v1.TxBody;

/**
 * The stateful tx rules, applied to a decoded (signature-checked) {@link Transaction}.
 *
 * <p><b>Ante checks</b> (chain id, sequence, fee at least {@code min_fee}, balance covers the fee):
 * a tx failing one has no effect at all. <b>Messages</b> run after the fee is paid to the block
 * proposer and the sequence is advanced; if one fails (the balance left does not cover the amounts,
 * or a credit would overflow), every message effect is discarded but the fee and sequence stay
 * consumed, and the tx is included with the failure's code. That keeps a proposer paid for block
 * space and a failed tx unreplayable.
 *
 * <p>Amounts and fees are uint64 on the wire. Genesis caps the total supply at {@code 2^63-1}, so a
 * value at or beyond {@code 2^63} (negative as a Java long) can never be covered and is refused as
 * insufficient funds; every other sum is overflow-checked.
 */
public final class TxExecutor {
  private final String chainId;
  private final Params params;
  private final SprintMessages sprint;
  private final FeeSink fees;
  private final InferenceMessages inference;

  /** Where a paid fee goes. */
  @FunctionalInterface
  public interface FeeSink {
    void collect(WorkingState state, Address proposer, long fee);

    /** The default: the block proposer's account. */
    FeeSink PROPOSER =
        (state, proposer, fee) ->
            state.putAccount(proposer, creditSupplyBounded(state.account(proposer), fee));
  }

  /** An executor for a chain without sprint messages; fees go to the proposer. */
  public TxExecutor(String chainId, Params params) {
    this(chainId, params, null, FeeSink.PROPOSER);
  }

  /**
   * @param sprint the sprint message rules at this height, or null to refuse sprint messages
   * @param fees where fees go
   */
  public TxExecutor(String chainId, Params params, SprintMessages sprint, FeeSink fees) {
    this(chainId, params, sprint, fees, null);
  }

  /**
   * @param sprint the sprint message rules at this height, or null to refuse sprint messages
   * @param fees where fees go
   * @param inference the inference market's rules at this height, or null to refuse its messages
   */
  public TxExecutor(
      String chainId,
      Params params,
      SprintMessages sprint,
      FeeSink fees,
      InferenceMessages inference) {
    this.chainId = chainId;
    this.params = params;
    this.sprint = sprint;
    this.fees = fees;
    this.inference = inference;
  }

  /**
   * CheckTx: the ante checks plus "balance covers fee and amounts". On success the signer's fee and
   * amounts are deducted and its sequence advanced in {@code checkState}, so a second tx from the
   * same signer is checked against what the first leaves. Recipients are not credited there: the
   * mempool never lets a tx spend funds that are not yet committed.
   */
  public void check(Transaction tx, WorkingState checkState) throws TxRejectedException {
    Address signer = tx.signer();
    Account account = checkState.account(signer);
    TxBody body = tx.body();
    ante(body, account);
    long spend = totalSpend(body);
    long escrows = inference == null ? 0 : totalEscrow(body);
    if (spend > account.balance()) {
      throw new TxRejectedException(
          RejectReason.INSUFFICIENT_FUNDS,
          "balance " + account.balance() + " < fee + amounts " + spend);
    }
    if (escrows > account.balance() - spend) {
      throw new TxRejectedException(
          RejectReason.INSUFFICIENT_FUNDS,
          "balance "
              + account.balance()
              + " < fee + amounts + max_fee escrows "
              + (spend + escrows));
    }
    Account after = advance(account.debit(spend + escrows));
    if (body.getMsgsList().stream()
        .anyMatch(m -> SprintMessages.isSprint(m) || InferenceMessages.isInference(m))) {
      // Sprint and inference messages are checked in full against a throwaway branch, so a
      // mempool refuses one that cannot apply (wrong phase, not sampled, ...) with its own code,
      // and a refused tx leaves the check state (its sequence included) untouched. The branch
      // holds the balance before escrows, which the rules themselves take.
      WorkingState trial = checkState.branch();
      trial.putAccount(signer, advance(account.debit(spend)));
      runMessages(body, signer, trial, new ArrayList<>());
    }
    checkState.putAccount(signer, after);
  }

  /** FinalizeBlock: applies {@code tx} to {@code state}; never throws for an invalid tx. */
  public TxResult deliver(Transaction tx, WorkingState state, Address proposer) {
    TxBody body = tx.body();
    Address signer = tx.signer();
    Account account = state.account(signer);
    try {
      ante(body, account);
      state.putAccount(signer, advance(account.debit(body.getFee())));
    } catch (TxRejectedException e) {
      return TxResult.rejected(e);
    }
    fees.collect(state, proposer, body.getFee());

    List<Event> events = new ArrayList<>();
    events.add(
        Event.tx(
            signer.toString(),
            Long.toUnsignedString(body.getFee()),
            Long.toUnsignedString(body.getSequence())));
    WorkingState branch = state.branch();
    try {
      runMessages(body, signer, branch, events);
    } catch (TxRejectedException e) {
      return TxResult.failed(e, events.subList(0, 1));
    }
    state.merge(branch);
    return TxResult.ok(events);
  }

  private void ante(TxBody body, Account account) throws TxRejectedException {
    if (!body.getChainId().equals(chainId)) {
      throw new TxRejectedException(
          RejectReason.WRONG_CHAIN_ID,
          "tx chain_id '" + body.getChainId() + "' != '" + chainId + "'");
    }
    int order = Long.compareUnsigned(body.getSequence(), account.sequence());
    if (order < 0) {
      throw new TxRejectedException(
          RejectReason.STALE_SEQUENCE,
          "tx sequence "
              + Long.toUnsignedString(body.getSequence())
              + " < account sequence "
              + account.sequence());
    }
    if (order > 0) {
      throw new TxRejectedException(
          RejectReason.FUTURE_SEQUENCE,
          "tx sequence "
              + Long.toUnsignedString(body.getSequence())
              + " > account sequence "
              + account.sequence());
    }
    if (Long.compareUnsigned(body.getFee(), params.minFee()) < 0) {
      throw new TxRejectedException(
          RejectReason.FEE_TOO_LOW, "fee " + body.getFee() + " < min_fee " + params.minFee());
    }
    if (body.getFee() < 0 || body.getFee() > account.balance()) {
      throw new TxRejectedException(
          RejectReason.INSUFFICIENT_FUNDS,
          "balance " + account.balance() + " < fee " + Long.toUnsignedString(body.getFee()));
    }
  }

  private void runMessages(TxBody body, Address signer, WorkingState branch, List<Event> events)
      throws TxRejectedException {
    for (int i = 0; i < body.getMsgsCount(); i++) {
      Msg msg = body.getMsgs(i);
      switch (msg.getSumCase()) {
        case SEND -> send(i, msg.getSend(), signer, branch, events);
        case REGISTER_WORKER, SPRINT_COMMIT, SPRINT_REVEAL, AUDIT_RESULT, SPRINT_DIGESTS, DISPUTE ->
            sprintMessages().apply(i, msg, signer, branch, events);
        case INFERENCE_REQUEST, INFERENCE_RESULT, INFERENCE_VERDICT ->
            inferenceMessages(i).apply(i, msg, signer, branch, events);
        case SUM_NOT_SET ->
            // TxDecoder refuses this; reaching it means a decoder bug, not a bad tx.
            throw new IllegalStateException("msgs[" + i + "] has no message set");
      }
    }
  }

  private static void send(
      int index, MsgSend send, Address signer, WorkingState branch, List<Event> events)
      throws TxRejectedException {
    long amount = send.getAmount();
    Account from = branch.account(signer);
    if (amount < 0 || amount > from.balance()) {
      throw new TxRejectedException(
          RejectReason.INSUFFICIENT_FUNDS,
          "msgs["
              + index
              + "].send: balance "
              + from.balance()
              + " < amount "
              + Long.toUnsignedString(amount));
    }
    branch.putAccount(signer, from.debit(amount));
    Address to = Address.fromBytes(send.getTo().toByteArray());
    try {
      branch.putAccount(to, branch.account(to).credit(amount));
    } catch (ArithmeticException e) {
      throw new TxRejectedException(
          RejectReason.ARITHMETIC_OVERFLOW, "msgs[" + index + "].send: recipient balance");
    }
    events.add(Event.transfer(signer.toString(), to.toString(), Long.toString(amount)));
  }

  private SprintMessages sprintMessages() throws TxRejectedException {
    if (sprint == null) {
      throw new TxRejectedException(RejectReason.SPRINTS_DISABLED, "this chain has no sprints");
    }
    return sprint;
  }

  private InferenceMessages inferenceMessages(int index) throws TxRejectedException {
    if (inference == null) {
      throw new TxRejectedException(
          RejectReason.INFERENCE_DISABLED, "msgs[" + index + "]: this chain has no inference");
    }
    return inference;
  }

  /** Every request's {@code max_fee}, refused as insufficient funds when it cannot fit. */
  private static long totalEscrow(TxBody body) throws TxRejectedException {
    try {
      long total = 0;
      for (Msg msg : body.getMsgsList()) {
        total = Math.addExact(total, nonNegative(InferenceMessages.escrowOf(msg)));
      }
      return total;
    } catch (ArithmeticException e) {
      throw new TxRejectedException(
          RejectReason.INSUFFICIENT_FUNDS, "max_fee escrows exceed the total supply");
    }
  }

  /** Fee plus every amount, refused as insufficient funds when it cannot fit the supply. */
  private static long totalSpend(TxBody body) throws TxRejectedException {
    try {
      long total = nonNegative(body.getFee());
      for (Msg msg : body.getMsgsList()) {
        if (msg.hasSend()) {
          total = Math.addExact(total, nonNegative(msg.getSend().getAmount()));
        }
      }
      return total;
    } catch (ArithmeticException e) {
      throw new TxRejectedException(
          RejectReason.INSUFFICIENT_FUNDS, "fee + amounts exceed the total supply");
    }
  }

  private static long nonNegative(long uint64) {
    if (uint64 < 0) {
      throw new ArithmeticException("uint64 beyond int64");
    }
    return uint64;
  }

  private static Account advance(Account account) throws TxRejectedException {
    try {
      return account.nextSequence();
    } catch (ArithmeticException e) {
      throw new TxRejectedException(RejectReason.ARITHMETIC_OVERFLOW, "sequence exhausted");
    }
  }

  /** Crediting a fee moves existing supply, so overflow here means the supply rule was broken. */
  static Account creditSupplyBounded(Account account, long fee) {
    try {
      return account.credit(fee);
    } catch (ArithmeticException e) {
      throw new IllegalStateException("total supply exceeds int64: state is inconsistent", e);
    }
  }
}
