package org.sprintchain.abci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;
import tendermint.abci.Request;
import tendermint.abci.RequestInfo;
import tendermint.abci.Response;
import tendermint.abci.ResponseInfo;

class AbciRequestDispatcherTest {
  private final AbciRequestDispatcher dispatcher = new AbciRequestDispatcher(new FakeApplication());

  /** Every request type in CometBFT's proto, taken from the descriptor so none is forgotten. */
  private static List<Request> oneRequestOfEachType() {
    return Request.getDescriptor().getOneofs().get(0).getFields().stream()
        .map(
            (FieldDescriptor field) -> {
              Request.Builder builder = Request.newBuilder();
              return builder.setField(field, builder.newBuilderForField(field).build()).build();
            })
        .toList();
  }

  @Test
  void everyRequestTypeGetsTheMatchingResponseType() {
    List<Request> requests = oneRequestOfEachType();
    assertEquals(16, requests.size(), "ABCI 2.0 has 16 request types");
    for (Request request : requests) {
      Response response = dispatcher.dispatch(request);
      assertEquals(
          request.getValueCase().name(), response.getValueCase().name(), request.toString());
    }
  }

  @Test
  void echoIsAnsweredWithTheSameMessage() {
    assertEquals("ping", dispatcher.dispatch(AbciTestClient.echo("ping")).getEcho().getMessage());
  }

  @Test
  void applicationExceptionBecomesAnExceptionResponse() {
    Response response = dispatcher.dispatch(AbciTestClient.query(FakeApplication.BOOM));
    assertTrue(response.hasException());
    assertEquals(
        "java.lang.IllegalStateException: query exploded on purpose",
        response.getException().getError());
    // The lock was released: the next call goes through.
    assertEquals("ok", dispatcher.dispatch(AbciTestClient.query("ok")).getQuery().getLog());
  }

  @Test
  void applicationReturningNullIsAnExceptionNotACrash() {
    AbciRequestDispatcher broken =
        new AbciRequestDispatcher(
            new FakeApplication() {
              @Override
              public ResponseInfo info(RequestInfo request) {
                return null;
              }
            });
    Response response =
        broken.dispatch(Request.newBuilder().setInfo(RequestInfo.getDefaultInstance()).build());
    assertTrue(response.hasException(), response.toString());
  }

  @Test
  void requestWithoutValueIsRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> dispatcher.dispatch(Request.getDefaultInstance()));
  }
}
