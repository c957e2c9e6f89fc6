package io.mmbot.chaos.exchange.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A listening socket and one thread per accepted connection, all of which {@link #close()} ends:
 * the listening socket, every open connection and every thread, waited for.
 */
final class Connections implements AutoCloseable {
  private final ServerSocket server;
  private final ExecutorService threads;
  private final Thread acceptor;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;
  // Every thread this server started, joined on close: a pool counts as terminated while its last
  // worker is still on its way out.
  private final Set<Thread> started = ConcurrentHashMap.newKeySet();

  Connections(String name, InetAddress bind, int port, Consumer<Socket> handler)
      throws IOException {
    this.server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(bind, port), 128);
    AtomicInteger n = new AtomicInteger();
    ThreadFactory tf =
        r -> {
          Thread t = new Thread(r, name + "-" + n.incrementAndGet());
          t.setDaemon(true);
          started.removeIf(old -> !old.isAlive()); // keep the set to live threads
          started.add(t);
          return t;
        };
    this.threads = Executors.newCachedThreadPool(tf);
    this.acceptor =
        tf.newThread(
            () -> {
              while (!closed) {
                Socket s;
                try {
                  s = server.accept();
                } catch (IOException e) {
                  return;
                }
                open.add(s);
                try {
                  threads.execute(
                      () -> {
                        try {
                          handler.accept(s);
                        } finally {
                          open.remove(s);
                          quietClose(s);
                        }
                      });
                } catch (RuntimeException e) {
                  open.remove(s);
                  quietClose(s);
                }
              }
            });
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  boolean closed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
    quietClose(server);
    try {
      // The acceptor may have taken one last connection as the server socket closed: wait for it
      // to stop before closing what is open, so that connection is closed too.
      if (acceptor != Thread.currentThread()) {
        acceptor.join(5_000);
      }
      for (Socket s : open) {
        quietClose(s);
      }
      threads.shutdownNow();
      threads.awaitTermination(5, TimeUnit.SECONDS);
      for (Thread t : started) {
        if (t != Thread.currentThread()) {
          t.join(5_000);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void quietClose(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // already closed or broken: nothing to do
    }
  }

  /** Closes {@code s} with a TCP reset instead of an orderly close. */
  static void reset(Socket s) {
    try {
      s.setSoLinger(true, 0);
    } catch (IOException e) {
      // fall through to the close
    }
    quietClose(s);
  }
}
