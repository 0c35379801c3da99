package org.sprintchain.chain.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sprintchain.chain.ChainTestData.CHAIN_ID;
import static org.sprintchain.chain.ChainTestData.address;
import static org.sprintchain.chain.ChainTestData.body;
import static org.sprintchain.chain.ChainTestData.key;
import static org.sprintchain.chain.ChainTestData.sendMsg;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.state.Account;
import org.sprintchain.chain.state.Params;
import org.sprintchain.chain.state.StateOverlay;
import org.sprintchain.chain.state.WorkingState;
import org.sprintchain.chain.tx.RejectReason;
import org.sprintchain.chain.tx.Transaction;
import org.sprintchain.chain.tx.TxDecoder;
import org.sprintchain.chain.tx.TxRejectedException;
import org.sprintchain.chain.tx.TxSigner;
import org.sprintchain.proto.tx.v1.TxBody;

class TxExecutorTest {
  private static final Address ALICE = address(0);
  private static final Address BOB = address(1);
  private static final Address PROPOSER = address(9);

  private final TxExecutor executor = new TxExecutor(CHAIN_ID, new Params(10, 65536));
  private WorkingState state;

  @BeforeEach
  void fund() {
    state = new WorkingState(new StateOverlay(key -> Optional.empty()));
    state.putAccount(ALICE, new Account(1000, 0));
  }

  private static Transaction tx(TxBody.Builder body) throws TxRejectedException {
    return new TxDecoder(65536).decode(TxSigner.sign(key(0), body.build()));
  }

  private static Transaction send(long sequence, long fee, long amount) throws TxRejectedException {
    return tx(body(sequence, fee).addMsgs(sendMsg(BOB, amount)));
  }

  private void assertUntouched() {
    assertEquals(new Account(1000, 0), state.account(ALICE));
    assertEquals(Account.EMPTY, state.account(BOB));
    assertEquals(Account.EMPTY, state.account(PROPOSER));
  }

  @Test
  void aTransferPaysTheProposerAndMovesTokens() throws TxRejectedException {
    TxResult result = executor.deliver(send(0, 10, 300), state, PROPOSER);
    assertEquals(0, result.code(), result.log());
    assertEquals(new Account(690, 1), state.account(ALICE));
    assertEquals(new Account(300, 0), state.account(BOB));
    assertEquals(new Account(10, 0), state.account(PROPOSER));
    assertEquals(
        List.of(
            Event.tx(ALICE.toString(), "10", "0"),
            Event.transfer(ALICE.toString(), BOB.toString(), "300")),
        result.events());
    assertTrue(result.events().get(0).attributes().stream().allMatch(Event.Attribute::index));
  }

  @Test
  void wrongChainIdHasNoEffect() throws TxRejectedException {
    TxResult result =
        executor.deliver(
            tx(body(0, 10).setChainId("other").addMsgs(sendMsg(BOB, 1))), state, PROPOSER);
    assertEquals(RejectReason.WRONG_CHAIN_ID.code(), result.code());
    assertEquals("sprint", result.codespace());
    assertTrue(result.events().isEmpty());
    assertUntouched();
  }

  @Test
  void staleSequenceIsAReplay() throws TxRejectedException {
    assertEquals(0, executor.deliver(send(0, 10, 1), state, PROPOSER).code());
    Account afterFirst = state.account(ALICE);
    TxResult replay = executor.deliver(send(0, 10, 1), state, PROPOSER);
    assertEquals(RejectReason.STALE_SEQUENCE.code(), replay.code());
    assertEquals(afterFirst, state.account(ALICE));
  }

  @Test
  void futureSequenceIsRefused() throws TxRejectedException {
    assertEquals(
        RejectReason.FUTURE_SEQUENCE.code(),
        executor.deliver(send(1, 10, 1), state, PROPOSER).code());
    assertEquals(
        RejectReason.FUTURE_SEQUENCE.code(),
        executor.deliver(send(-1L, 10, 1), state, PROPOSER).code(),
        "sequence 2^64-1 compares unsigned");
    assertUntouched();
  }

  @Test
  void feeBelowMinimumIsRefused() throws TxRejectedException {
    TxResult result = executor.deliver(send(0, 9, 1), state, PROPOSER);
    assertEquals(RejectReason.FEE_TOO_LOW.code(), result.code());
    assertUntouched();
  }

  @Test
  void feeBeyondBalanceIsRefusedWithoutEffect() throws TxRejectedException {
    assertEquals(
        RejectReason.INSUFFICIENT_FUNDS.code(),
        executor.deliver(send(0, 1001, 1), state, PROPOSER).code());
    assertEquals(
        RejectReason.INSUFFICIENT_FUNDS.code(),
        executor.deliver(send(0, Long.MIN_VALUE, 1), state, PROPOSER).code(),
        "a uint64 fee of 2^63 can never be covered");
    assertUntouched();
  }

  @Test
  void failedMessageStillConsumesFeeAndSequence() throws TxRejectedException {
    TxResult result = executor.deliver(send(0, 10, 991), state, PROPOSER);
    assertEquals(RejectReason.INSUFFICIENT_FUNDS.code(), result.code());
    assertEquals(List.of(Event.tx(ALICE.toString(), "10", "0")), result.events());
    assertEquals(new Account(990, 1), state.account(ALICE));
    assertEquals(Account.EMPTY, state.account(BOB));
    assertEquals(new Account(10, 0), state.account(PROPOSER));
  }

  @Test
  void aLaterFailingMessageUndoesEarlierOnes() throws TxRejectedException {
    TxResult result =
        executor.deliver(
            tx(body(0, 10).addMsgs(sendMsg(BOB, 500)).addMsgs(sendMsg(BOB, 500))), state, PROPOSER);
    assertEquals(RejectReason.INSUFFICIENT_FUNDS.code(), result.code());
    assertEquals(1, result.events().size(), "only the tx event survives");
    assertEquals(new Account(990, 1), state.account(ALICE));
    assertEquals(Account.EMPTY, state.account(BOB));
  }

  @Test
  void hugeAmountIsInsufficientFundsNotACrash() throws TxRejectedException {
    TxResult result = executor.deliver(send(0, 10, -1L), state, PROPOSER);
    assertEquals(RejectReason.INSUFFICIENT_FUNDS.code(), result.code());
    assertEquals(new Account(990, 1), state.account(ALICE));
  }

  @Test
  void recipientOverflowIsATypedFailure() throws TxRejectedException {
    state.putAccount(BOB, new Account(Long.MAX_VALUE - 1, 0));
    TxResult result = executor.deliver(send(0, 10, 2), state, PROPOSER);
    assertEquals(RejectReason.ARITHMETIC_OVERFLOW.code(), result.code());
    assertEquals(new Account(990, 1), state.account(ALICE));
    assertEquals(new Account(Long.MAX_VALUE - 1, 0), state.account(BOB));
  }

  @Test
  void signerCanBeProposerAndRecipient() throws TxRejectedException {
    Transaction toSelf = tx(body(0, 10).addMsgs(sendMsg(ALICE, 400)));
    assertEquals(0, executor.deliver(toSelf, state, ALICE).code());
    assertEquals(new Account(1000, 1), state.account(ALICE));
  }

  @Test
  void checkRequiresFeePlusAmountsAndChainsSequences() throws TxRejectedException {
    executor.check(send(0, 10, 500), state);
    assertEquals(new Account(490, 1), state.account(ALICE));
    assertEquals(Account.EMPTY, state.account(BOB), "check state never credits recipients");
    TxRejectedException e =
        assertThrows(TxRejectedException.class, () -> executor.check(send(1, 10, 481), state));
    assertEquals(RejectReason.INSUFFICIENT_FUNDS, e.reason());
    executor.check(send(1, 10, 480), state);
    assertEquals(new Account(0, 2), state.account(ALICE));
    assertEquals(
        RejectReason.STALE_SEQUENCE,
        assertThrows(TxRejectedException.class, () -> executor.check(send(0, 10, 1), state))
            .reason());
  }

  @Test
  void checkRefusesOverflowingSums() {
    TxRejectedException e =
        assertThrows(
            TxRejectedException.class,
            () ->
                executor.check(
                    tx(
                        body(0, 10)
                            .addMsgs(sendMsg(BOB, Long.MAX_VALUE))
                            .addMsgs(sendMsg(BOB, Long.MAX_VALUE))),
                    state));
    assertEquals(RejectReason.INSUFFICIENT_FUNDS, e.reason());
  }
}
