package io.mmbot.chaos.okhttp;

import io.mmbot.chaos.ChaosConfig;
import io.mmbot.chaos.ChaosInjector;
import io.mmbot.chaos.okhttp.testing.LoopbackServer;
import io.mmbot.chaos.time.VirtualTime;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** One loopback server, a virtual clock and timing, and decorated clients for the tests. */
final class Fixture implements AutoCloseable {

  final LoopbackServer server = LoopbackServer.start();
  final VirtualTime clock = new VirtualTime();
  final VirtualTiming timing = new VirtualTiming(clock);
  final List<OkHttpFault> faults = new CopyOnWriteArrayList<>();
  final AtomicInteger lookups = new AtomicInteger();

  /** Resolves {@link LoopbackServer#HOST} to 127.0.0.1 and nothing else: no real name service. */
  final Dns hosts =
      hostname -> {
        lookups.incrementAndGet();
        if (!LoopbackServer.HOST.equals(hostname)) {
          throw new UnknownHostException(hostname + ": Name or service not known");
        }
        return List.of(InetAddress.getByAddress(hostname, new byte[] {127, 0, 0, 1}));
      };

  static ChaosConfig.Builder chaos() {
    return ChaosConfig.builder().enabled(true).dryRun(false).burstOffSec(0).seed(42L);
  }

  ChaosInjector injector(ChaosConfig config) {
    return ChaosInjector.builder().config(config).nanoClock(clock).build();
  }

  ChaosOkHttp.Builder adapter(ChaosInjector injector) {
    return ChaosOkHttp.builder(injector).nanoClock(clock).timing(timing).listener(faults::add);
  }

  OkHttpClient.Builder plainBuilder() {
    return new OkHttpClient.Builder()
        .dns(hosts)
        .connectTimeout(5, TimeUnit.SECONDS)
        .readTimeout(5, TimeUnit.SECONDS);
  }

  OkHttpClient client(ChaosInjector injector) {
    return adapter(injector).build().decorate(plainBuilder()).build();
  }

  Request get(String path) {
    return new Request.Builder().url(server.url(path)).build();
  }

  /** Executes {@code request}; the status, or -1 when the body was unreadable. */
  static int status(OkHttpClient client, Request request) throws IOException {
    try (Response r = client.newCall(request).execute()) {
      return r.code();
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
