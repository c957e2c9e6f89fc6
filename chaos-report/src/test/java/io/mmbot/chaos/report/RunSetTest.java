package io.mmbot.chaos.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSetTest {

  @TempDir Path dir;

  @Test
  void putsEveryJsonFileInExactlyOneListInNameOrder() throws Exception {
    Files.writeString(dir.resolve("b.json"), RunReaderTest.SEED_EXAMPLE);
    Files.writeString(dir.resolve("a.json"), RunReaderTest.SEED_EXAMPLE.replace("185.2", "NaN"));
    Files.writeString(dir.resolve("c.json"), "{");
    Files.writeString(dir.resolve("d.json"), RunReaderTest.SEED_EXAMPLE);
    Files.writeString(dir.resolve("notes.txt"), "not a run");
    Files.createDirectory(dir.resolve("sub.json"));

    RunSet set = RunSet.load(dir);

    assertThat(set.runs())
        .extracting(r -> r.source().getFileName().toString())
        .containsExactly("b.json", "d.json");
    assertThat(set.unreadable())
        .extracting(e -> e.file().getFileName().toString())
        .containsExactly("a.json", "c.json", "sub.json");
  }

  @Test
  void rejectsAMissingDirectoryAndAPlainFile() throws Exception {
    assertThatThrownBy(() -> RunSet.load(dir.resolve("nope")))
        .isInstanceOf(NoSuchFileException.class);
    Path file = Files.writeString(dir.resolve("x.json"), "{}");
    assertThatThrownBy(() -> RunSet.load(file)).isInstanceOf(NotDirectoryException.class);
  }
}
