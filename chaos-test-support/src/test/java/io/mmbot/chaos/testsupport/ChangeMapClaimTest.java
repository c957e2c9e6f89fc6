package io.mmbot.chaos.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's "Where a change goes" map names modules, packages and classes that exist: every
 * module of a row is a directory of the project, every package a directory under one of the row's
 * modules' {@code src/main/java}, and every class a source file there.
 *
 * <p>A package written {@code .x} is short for a sibling of the row's first full package, or for a
 * package below it ({@code io.mmbot.chaos.http}, {@code .ws} is {@code io.mmbot.chaos.ws}; in the
 * exchange's row {@code .model} is {@code io.mmbot.chaos.exchange.model}).
 */
class ChangeMapClaimTest {

  private static final Pattern TICKED = Pattern.compile("`([^`]+)`");
  private static final Pattern CLASS_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");
  private static final Pattern PACKAGE = Pattern.compile("\\.?[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)*");

  /** One row of the map: what to change, its modules, packages and classes to start at. */
  record Row(String what, List<String> modules, List<String> packages, List<String> classes) {}

  @Test
  void everyModulePackageAndClassTheMapNamesExists() throws IOException {
    Path root = ModuleGraphClaimTest.projectRoot();
    List<Row> rows = rows(Files.readString(root.resolve("README.md")));
    assertThat(rows).as("rows of the map").hasSizeGreaterThan(10);
    for (Row row : rows) {
      assertThat(problems(root, row)).as("the map's row \"%s\"", row.what()).isEmpty();
    }
  }

  @Test
  void aClassThatIsNotThereIsCaught() throws IOException {
    Path root = ModuleGraphClaimTest.projectRoot();
    Row bad =
        new Row(
            "when a fault strikes",
            List.of("chaos-core"),
            List.of("io.mmbot.chaos", ".nowhere"),
            List.of("ChaosInjector", "ChaosGateKeeper"));
    assertThat(problems(root, bad))
        .containsExactly(
            "package .nowhere not in chaos-core", "class ChaosGateKeeper not in chaos-core");
  }

  /** The rows of the table in the README's "Where a change goes" section. */
  static List<Row> rows(String readme) {
    int from = readme.indexOf("\n## Where a change goes\n");
    assertThat(from).as("README has a \"Where a change goes\" section").isNotNegative();
    int to = readme.indexOf("\n## ", from + 1);
    List<Row> rows = new ArrayList<>();
    for (String line : readme.substring(from, to < 0 ? readme.length() : to).split("\n")) {
      String[] cells = line.split("\\|", -1);
      if (cells.length != 6 || !cells[2].contains("`")) {
        continue; // not a row, or the header and its rule
      }
      List<String> packages = new ArrayList<>();
      for (String p : ticked(cells[3])) {
        if (PACKAGE.matcher(p).matches()) {
          packages.add(p);
        }
      }
      List<String> classes = new ArrayList<>();
      for (String c : ticked(cells[4])) {
        if (CLASS_NAME.matcher(c).matches()) {
          classes.add(c);
        }
      }
      rows.add(new Row(cells[1].trim(), ticked(cells[2]), packages, classes));
    }
    return rows;
  }

  /** What of {@code row} is not in the project under {@code root}, one line per thing. */
  static List<String> problems(Path root, Row row) throws IOException {
    List<String> out = new ArrayList<>();
    List<Path> sources = new ArrayList<>();
    for (String m : row.modules()) {
      Path src = root.resolve(m).resolve("src/main/java");
      if (Files.isDirectory(src)) {
        sources.add(src);
      } else {
        out.add("module " + m + " has no src/main/java");
      }
    }
    String first = row.packages().isEmpty() ? "" : row.packages().get(0);
    String parent = first.contains(".") ? first.substring(0, first.lastIndexOf('.')) : first;
    for (String p : row.packages()) {
      List<String> candidates = p.startsWith(".") ? List.of(parent + p, first + p) : List.of(p);
      if (candidates.stream().noneMatch(c -> anyHas(sources, c.replace('.', '/')))) {
        out.add("package " + p + " not in " + String.join(", ", row.modules()));
      }
    }
    for (String c : row.classes()) {
      if (!anyHasClass(sources, c)) {
        out.add("class " + c + " not in " + String.join(", ", row.modules()));
      }
    }
    return out;
  }

  private static boolean anyHas(List<Path> sources, String dir) {
    return sources.stream().anyMatch(s -> Files.isDirectory(s.resolve(dir)));
  }

  private static boolean anyHasClass(List<Path> sources, String name) throws IOException {
    for (Path s : sources) {
      try (Stream<Path> files = Files.walk(s)) {
        if (files.anyMatch(f -> f.getFileName().toString().equals(name + ".java"))) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<String> ticked(String cell) {
    List<String> out = new ArrayList<>();
    Matcher m = TICKED.matcher(cell);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
