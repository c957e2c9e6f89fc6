package io.mmbot.chaos.examples.exchange;

import io.mmbot.chaos.dns.HostResolver;
import io.mmbot.chaos.exchange.ExchangeRules;
import io.mmbot.chaos.exchange.Ledger;
import io.mmbot.chaos.exchange.RestCall;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;

/**
 * What the bot talks to: a spot exchange reached over REST and one WebSocket, plus the time sources
 * and name resolution of the machine the bot runs on. Two implementations follow the same {@link
 * ExchangeRules}: a deterministic simulation in virtual time and real servers on 127.0.0.1.
 *
 * <p>Threading: one bot thread uses an exchange. WebSocket events are delivered on that thread,
 * inside {@link #execute} and {@link #idleUntil}, in the order they arrived.
 *
 * <p>Chaos: implementations apply the injector's faults where a user's connector would meet them
 * (the HTTP and WebSocket transport, the resolver and the clock) through the library's public
 * hooks; the bot sees only their effects.
 */
public interface Exchange extends AutoCloseable {

  /** The bot's monotonic time source in nanoseconds (virtual in the simulation). */
  long nanoTime();

  /** The machine's wall clock (the connector wraps it with {@code ChaosClock}). */
  Clock clock();

  /** The host name of the REST and WebSocket endpoints. */
  String primaryHost();

  /** A secondary host name serving the same exchange (the DNS fallback of last resort). */
  String secondaryHost();

  /** The machine's resolver (the connector applies DNS_FLAP with {@code withChaos}). */
  HostResolver resolver();

  /** Runs {@code task} on the bot's thread at {@code atNanos}, inside execute or idleUntil. */
  void timer(long atNanos, Runnable task);

  /**
   * Sends {@code calls} concurrently, each to its {@link RestCall#address()}, and returns when each
   * has its answer or has failed, or at {@code giveUpAtNanos}, when the calls still waiting end as
   * {@link RestCall.Failure#TIMEOUT}. Each call's {@link RestCall#doneAtNanos()} says when it
   * ended. A call without an address (its lookup failed) ends at once as {@link
   * RestCall.Failure#DNS}.
   */
  void execute(List<RestCall> calls, long giveUpAtNanos);

  /**
   * Starts a WebSocket connection to {@code address}; the outcome arrives at {@code listener}
   * ({@link WsListener#onOpen} or {@link WsListener#onRefused}).
   */
  void connect(InetAddress address, WsListener listener);

  /** Waits until {@link #nanoTime()} reaches {@code nanos}, delivering due WebSocket events. */
  void idleUntil(long nanos);

  /** The exchange's ledger (for the suite's invariants; a bot must not read it). */
  Ledger ledger();

  /** The exchange's rules and open orders (for the suite's invariants; a bot must not read it). */
  ExchangeRules rules();

  /** 418 bans the exchange or the fault plan issued to this client. */
  long bans418();

  /**
   * Requests this client sent while a {@code Retry-After} it had received (with a 429 or 418) was
   * still running: the measure of a client that does not back off.
   */
  long retryAfterViolations();

  /** Stops servers and threads; idempotent. */
  @Override
  void close();
}
