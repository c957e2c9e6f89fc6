package io.mmbot.chaos.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExchangeRulesTest {

  private static final long T0 = 1_767_225_600_000L; // a minute boundary

  private final ExchangeRules rules = new ExchangeRules();

  private RestCall send(RestCall c, long nowMs) {
    if (c.endpoint().signed()) {
      c.signed(nowMs, ExchangeRules.DEFAULT_RECV_WINDOW_MS);
    }
    rules.handle(c, nowMs);
    return c;
  }

  @Test
  void everyAnswerCarriesTheUsedWeightOfTheMinuteAndTheWeightResetsWithTheMinute() {
    assertThat(send(RestCall.of(Endpoint.OPEN_ORDERS), T0).usedWeight()).isEqualTo(6);
    assertThat(send(RestCall.of(Endpoint.ACCOUNT), T0 + 10).usedWeight()).isEqualTo(26);
    assertThat(send(RestCall.of(Endpoint.SERVER_TIME), T0 + 60_000).usedWeight()).isEqualTo(1);
  }

  @Test
  void overTheWeightLimitA429TellsHowLongToWaitAndTheThirdViolationEarnsA418Ban() {
    for (int i = 0; i < 60; i++) {
      assertThat(send(RestCall.of(Endpoint.ACCOUNT), T0 + i).ok()).isTrue();
    }
    RestCall limited = send(RestCall.of(Endpoint.ACCOUNT), T0 + 30_000);
    assertThat(limited.httpStatus()).isEqualTo(429);
    assertThat(limited.retryAfterSec()).isEqualTo(30);
    assertThat(limited.errorCode()).isEqualTo(ExchangeRules.ERR_TOO_MUCH_WEIGHT);
    assertThat(send(RestCall.of(Endpoint.SERVER_TIME), T0 + 30_100).httpStatus()).isEqualTo(429);
    assertThat(send(RestCall.of(Endpoint.SERVER_TIME), T0 + 30_200).httpStatus()).isEqualTo(429);
    RestCall banned = send(RestCall.of(Endpoint.SERVER_TIME), T0 + 30_300);
    assertThat(banned.httpStatus()).isEqualTo(418);
    assertThat(banned.retryAfterSec()).isEqualTo(ExchangeRules.FIRST_BAN_MS / 1000);
    assertThat(rules.bans()).isEqualTo(1);
    assertThat(send(RestCall.of(Endpoint.SERVER_TIME), T0 + 100_000).httpStatus()).isEqualTo(418);
    assertThat(send(RestCall.of(Endpoint.SERVER_TIME), T0 + 150_400).ok()).isTrue();
  }

  @Test
  void anotherClientOfTheSameIpUsesTheSameWeightButNeverTakesTheMinuteOverTheLimit() {
    assertThat(rules.weightOfAnotherClient(1_190, T0)).isTrue();
    assertThat(send(RestCall.of(Endpoint.OPEN_ORDERS), T0 + 1).usedWeight()).isEqualTo(1_196);
    assertThat(rules.weightOfAnotherClient(5, T0 + 2)).isFalse();
    assertThat(rules.usedWeight(T0 + 2)).isEqualTo(1_196);
    RestCall over = send(RestCall.of(Endpoint.OPEN_ORDERS), T0 + 3);
    assertThat(over.httpStatus()).isEqualTo(429);
    assertThat(over.errorCode()).isEqualTo(ExchangeRules.ERR_TOO_MUCH_WEIGHT);
    assertThat(rules.weightRefusals()).isEqualTo(1);
    assertThat(rules.weightOfAnotherClient(1_200, T0 + 60_000)).isTrue();
  }

  @Test
  void anotherClientIsHeldToTheConfiguredWeightLimitNotTheDefault() {
    rules.weightLimitPerMinute(100);
    assertThat(rules.weightOfAnotherClient(95, T0)).isTrue();
    assertThat(rules.weightOfAnotherClient(6, T0 + 1)).isFalse();
    assertThat(rules.usedWeight(T0 + 1)).isEqualTo(95);
    assertThat(rules.weightOfAnotherClient(5, T0 + 2)).isTrue();
    assertThat(send(RestCall.of(Endpoint.SERVER_TIME), T0 + 3).httpStatus()).isEqualTo(429);
  }

  @Test
  void whileThePriceFilterRefusesNewOrdersAPlaceIsRejectedAndNothingIsOpened() {
    rules.refuseNewOrders(T0 + 500, T0 + 1_000);
    assertThat(send(RestCall.place("a1", Side.BUY, 100, 1), T0 + 499).ok()).isTrue();
    RestCall refused = send(RestCall.place("b1", Side.BUY, 100, 1), T0 + 999);
    assertThat(refused.httpStatus()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo(ExchangeRules.ERR_FILTER);
    assertThat(rules.openCount()).isEqualTo(1);
    assertThat(rules.filterRejections()).isEqualTo(1);
    assertThat(send(RestCall.place("b1", Side.BUY, 100, 1), T0 + 1_000).ok()).isTrue();
  }

  @Test
  void aClientThatWaitsOutTheRetryAfterIsNeverBanned() {
    for (int i = 0; i < 60; i++) {
      send(RestCall.of(Endpoint.ACCOUNT), T0 + i);
    }
    RestCall limited = send(RestCall.of(Endpoint.ACCOUNT), T0 + 30_000);
    long waitMs = limited.retryAfterSec() * 1000;
    assertThat(send(RestCall.of(Endpoint.SERVER_TIME), T0 + 30_000 + waitMs).ok()).isTrue();
    assertThat(rules.bans()).isZero();
  }

  @Test
  void aClientOrderIdIsUniqueAmongOpenOrdersButMayBeReusedOnceClosed() {
    assertThat(send(RestCall.place("a-0", Side.BUY, 100, 1), T0).ok()).isTrue();
    RestCall dup = send(RestCall.place("a-0", Side.BUY, 100, 1), T0 + 1);
    assertThat(dup.errorCode()).isEqualTo(ExchangeRules.ERR_REJECTED);
    assertThat(send(RestCall.byId(Endpoint.CANCEL_ORDER, "a-0"), T0 + 2).ok()).isTrue();
    assertThat(send(RestCall.place("a-0", Side.BUY, 100, 1), T0 + 3).ok()).isTrue();
    assertThat(rules.ledger().size()).isEqualTo(2);
  }

  @Test
  void openOrdersAreLimited() {
    for (int i = 0; i < ExchangeRules.MAX_OPEN_ORDERS; i++) {
      assertThat(send(RestCall.place("o" + i, Side.SELL, 200, 1), T0 + i).ok()).isTrue();
    }
    RestCall over = send(RestCall.place("over", Side.SELL, 200, 1), T0 + 20);
    assertThat(over.errorCode()).isEqualTo(ExchangeRules.ERR_REJECTED);
    assertThat(rules.openCount()).isEqualTo(ExchangeRules.MAX_OPEN_ORDERS);
  }

  @Test
  void aTimestampMoreThanOneSecondAheadOrOlderThanTheReceiveWindowIsRejected() {
    RestCall ahead = RestCall.of(Endpoint.OPEN_ORDERS).signed(T0 + 1_001, 5_000);
    rules.handle(ahead, T0);
    assertThat(ahead.errorCode()).isEqualTo(ExchangeRules.ERR_TIMESTAMP);
    RestCall justAhead = RestCall.of(Endpoint.OPEN_ORDERS).signed(T0 + 1_000, 5_000);
    rules.handle(justAhead, T0);
    assertThat(justAhead.ok()).isTrue();
    RestCall old = RestCall.of(Endpoint.OPEN_ORDERS).signed(T0 - 5_001, 5_000);
    rules.handle(old, T0);
    assertThat(old.errorCode()).isEqualTo(ExchangeRules.ERR_TIMESTAMP);
    RestCall unsigned = RestCall.of(Endpoint.SERVER_TIME);
    rules.handle(unsigned, T0);
    assertThat(unsigned.ok()).isTrue();
    assertThat(rules.timestampRejections()).isEqualTo(2);
  }

  @Test
  void aTradeFillsTheBidsAtOrAboveAndTheAsksAtOrBelowItsPrice() {
    send(RestCall.place("b1", Side.BUY, 100, 1), T0);
    send(RestCall.place("b2", Side.BUY, 90, 1), T0);
    send(RestCall.place("s1", Side.SELL, 120, 1), T0);
    List<String> filled = new ArrayList<>();
    rules.trade(100, T0 + 5, o -> filled.add(o.clientOrderId()));
    assertThat(filled).containsExactly("b1");
    RestCall q = send(RestCall.byId(Endpoint.QUERY_ORDER, "b1"), T0 + 6);
    assertThat(q.order().status()).isEqualTo(OrderStatus.FILLED);
    assertThat(send(RestCall.byId(Endpoint.CANCEL_ORDER, "b1"), T0 + 7).errorCode())
        .isEqualTo(ExchangeRules.ERR_CANCEL_UNKNOWN);
    assertThat(send(RestCall.byId(Endpoint.QUERY_ORDER, "nope"), T0 + 8).errorCode())
        .isEqualTo(ExchangeRules.ERR_NO_SUCH_ORDER);
    assertThat(send(RestCall.of(Endpoint.OPEN_ORDERS), T0 + 9).orders())
        .extracting(OrderView::clientOrderId)
        .containsExactly("b2", "s1");
  }
}
