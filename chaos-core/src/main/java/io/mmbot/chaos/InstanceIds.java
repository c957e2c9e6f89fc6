package io.mmbot.chaos;

import java.net.InetAddress;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where the instance id behind {@code instance_pct} comes from, in order: the {@code instance_id}
 * config key; the id the code passes to {@link ChaosInjector.Builder#instanceId}; the environment
 * variable {@value #ENV_VAR}; the host name ({@code HOSTNAME} or {@code COMPUTERNAME}, else the
 * name the operating system reports); {@code localhost}. Each of these is the same after a restart
 * of the process, so an instance stays inside or outside the blast radius across restarts. (A
 * process id would not be: it changes every time.) Several processes on one host share the host
 * name; give each its own {@code instance_id} or {@value #ENV_VAR} to tell them apart. Stateless;
 * the host name is looked up once, lazily.
 */
final class InstanceIds {

  /** The environment variable that names this instance when the config does not. */
  static final String ENV_VAR = "MM_CHAOS_INSTANCE_ID";

  private InstanceIds() {}

  /** The id for a configuration whose {@code instance_id} is {@code configured} ("" if unset). */
  static String resolve(
      String configured, String explicit, Function<String, String> env, Supplier<String> hostName) {
    if (!configured.isEmpty()) {
      return configured;
    }
    if (explicit != null) {
      return explicit;
    }
    String fromEnv = usable(safely(() -> env.apply(ENV_VAR)));
    if (fromEnv != null) {
      return fromEnv;
    }
    String host = usable(safely(hostName));
    return host != null ? host : "localhost";
  }

  /** The id on this machine, from the real environment and host. */
  static String resolve(String configured, String explicit) {
    return resolve(configured, explicit, System::getenv, HostName::get);
  }

  private static String safely(Supplier<String> s) {
    try {
      return s.get();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String usable(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() || t.length() > ChaosLimits.MAX_INSTANCE_ID_LENGTH ? null : t;
  }

  /** The host name, looked up once on first use (a disabled injector never needs it). */
  private static final class HostName {
    static final String NAME = lookUp();

    static String get() {
      return NAME;
    }

    private static String lookUp() {
      for (String var : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
        String v = usable(safely(() -> System.getenv(var)));
        if (v != null) {
          return v;
        }
      }
      try {
        return usable(InetAddress.getLocalHost().getHostName());
      } catch (Exception e) {
        return null;
      }
    }
  }
}
