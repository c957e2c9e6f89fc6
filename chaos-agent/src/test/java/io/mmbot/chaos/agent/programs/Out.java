package io.mmbot.chaos.agent.programs;

/** One line per outcome, flushed at once, for the test that reads the program's output. */
final class Out {

  private Out() {}

  static synchronized void line(String s) {
    System.out.println(s.replace('\n', ' ').replace('\r', ' '));
    System.out.flush();
  }

  /** The exception's class and message, then its causes', on one line. */
  static String describe(Throwable t) {
    StringBuilder b = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (b.length() > 0) {
        b.append(" <- ");
      }
      b.append(c.getClass().getName()).append(": ").append(c.getMessage());
    }
    return b.toString();
  }
}
