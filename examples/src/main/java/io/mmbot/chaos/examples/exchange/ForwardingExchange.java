package io.mmbot.chaos.examples.exchange;

import io.mmbot.chaos.dns.HostResolver;
import io.mmbot.chaos.exchange.ExchangeRules;
import io.mmbot.chaos.exchange.Ledger;
import io.mmbot.chaos.exchange.RestCall;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * An {@link Exchange} that hands every call to another one. Wrappers that change a few calls (what
 * crosses the wire, what one start of a process still hears) extend it and override only those.
 */
public abstract class ForwardingExchange implements Exchange {

  /** The exchange every call not overridden goes to. */
  protected final Exchange exchange;

  /** Forwards to {@code exchange}. */
  protected ForwardingExchange(Exchange exchange) {
    this.exchange = Objects.requireNonNull(exchange, "exchange");
  }

  @Override
  public long nanoTime() {
    return exchange.nanoTime();
  }

  @Override
  public Clock clock() {
    return exchange.clock();
  }

  @Override
  public String primaryHost() {
    return exchange.primaryHost();
  }

  @Override
  public String secondaryHost() {
    return exchange.secondaryHost();
  }

  @Override
  public HostResolver resolver() {
    return exchange.resolver();
  }

  @Override
  public void timer(long atNanos, Runnable task) {
    exchange.timer(atNanos, task);
  }

  @Override
  public void execute(List<RestCall> calls, long giveUpAtNanos) {
    exchange.execute(calls, giveUpAtNanos);
  }

  @Override
  public void connect(InetAddress address, WsListener listener) {
    exchange.connect(address, listener);
  }

  @Override
  public void idleUntil(long nanos) {
    exchange.idleUntil(nanos);
  }

  @Override
  public Ledger ledger() {
    return exchange.ledger();
  }

  @Override
  public ExchangeRules rules() {
    return exchange.rules();
  }

  @Override
  public long bans418() {
    return exchange.bans418();
  }

  @Override
  public long retryAfterViolations() {
    return exchange.retryAfterViolations();
  }

  @Override
  public void close() {
    exchange.close();
  }
}
