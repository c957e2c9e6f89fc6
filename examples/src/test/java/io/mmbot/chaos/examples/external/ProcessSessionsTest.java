package io.mmbot.chaos.examples.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ProcessSessionsTest {

  @Test
  void readsTheSessionAfterACommandNameWithSpacesAndParentheses() {
    String stat = "4242 (my (odd) bot) S 4200 4242 4242 0 -1 4194560 512 0 0 0";
    assertThat(ProcessSessions.inSession(stat, 4242)).isTrue();
    assertThat(ProcessSessions.inSession(stat, 4200)).isFalse();
  }

  @Test
  void leavesOutZombiesAndUnreadableLines() {
    assertThat(ProcessSessions.inSession("7 (bot) Z 1 7 7 0", 7)).isFalse();
    assertThat(ProcessSessions.inSession("7 (bot) X 1 7 7 0", 7)).isFalse();
    assertThat(ProcessSessions.inSession("7 bot S 1 7 7", 7)).isFalse();
    assertThat(ProcessSessions.inSession("7 (bot) S 1", 7)).isFalse();
    assertThat(ProcessSessions.inSession("7 (bot) S 1 7 x 0", 7)).isFalse();
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void findsTheMembersOfThisJvmsOwnSession() throws IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    long session = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[3]);
    assertThat(ProcessSessions.members(session))
        .extracting(ProcessHandle::pid)
        .contains(ProcessHandle.current().pid());
  }

  @Test
  void aProgramMustBeRunnableByPathOrFromThePath() {
    String java = ProcessHandle.current().info().command().orElseThrow();
    assertThatCode(() -> ProcessSessions.requireRunnable(java)).doesNotThrowAnyException();
    assertThatThrownBy(() -> ProcessSessions.requireRunnable("/nonexistent/bot"))
        .isInstanceOf(IOException.class)
        .hasMessage("cannot run program \"/nonexistent/bot\": not an executable file");
    assertThatThrownBy(() -> ProcessSessions.requireRunnable("no-such-program-4711"))
        .hasMessage("cannot run program \"no-such-program-4711\": not found in PATH");
    assertThatThrownBy(() -> ProcessSessions.requireRunnable("/tmp"))
        .hasMessageContaining("not an executable file");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aProgramFromThePathIsFound() {
    assertThatCode(() -> ProcessSessions.requireRunnable("sh")).doesNotThrowAnyException();
  }
}
