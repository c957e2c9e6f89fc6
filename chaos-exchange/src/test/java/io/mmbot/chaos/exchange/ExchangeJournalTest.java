package io.mmbot.chaos.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExchangeJournalTest {

  private static final long T0 = 1_767_225_600_000L;

  private final ExchangeRules rules = new ExchangeRules();

  private void traffic() {
    rules.handle(RestCall.of(Endpoint.SERVER_TIME), T0);
    rules.handle(RestCall.of(Endpoint.OPEN_ORDERS), T0 + 1);
    rules.journal().ws(T0 + 2, "10.0.0.1", ExchangeJournal.WsKind.ADMITTED, 0);
  }

  @Test
  void aJournalNeverStartedKeepsNothing() {
    traffic();
    assertThat(rules.journal().requests()).isEmpty();
    assertThat(rules.journal().wsEvents()).isEmpty();
  }

  @Test
  void startedItKeepsEveryRequestAndEveryWebSocketEvent() {
    rules.journal().start();
    traffic();
    assertThat(rules.journal().requests())
        .extracting(ExchangeJournal.Request::endpoint)
        .containsExactly(Endpoint.SERVER_TIME, Endpoint.OPEN_ORDERS);
    assertThat(rules.journal().wsEvents())
        .containsExactly(
            new ExchangeJournal.WsEvent(T0 + 2, "10.0.0.1", ExchangeJournal.WsKind.ADMITTED, 0));
  }

  @Test
  void startedForTheWebSocketSideOnlyItKeepsNoRequest() {
    rules.journal().startWebSocketOnly();
    traffic();
    assertThat(rules.journal().requests()).isEmpty();
    assertThat(rules.journal().wsEvents()).hasSize(1);
    rules.journal().start();
    rules.handle(RestCall.of(Endpoint.SERVER_TIME), T0 + 3);
    assertThat(rules.journal().requests()).hasSize(1);
  }
}
