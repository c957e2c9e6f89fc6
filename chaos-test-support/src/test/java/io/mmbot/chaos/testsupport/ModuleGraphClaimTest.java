package io.mmbot.chaos.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The README's module table under "Architecture" says what every module's {@code pom.xml} declares:
 * one row per module of the reactor, and in each row exactly the project modules the module uses
 * (compile, provided or runtime scope) and those it uses in its tests only.
 */
class ModuleGraphClaimTest {

  private static final Pattern ROW =
      Pattern.compile("^\\| `([a-z0-9-]+)` \\| ([^|]*) \\| ([^|]*) \\|\\s*$");
  private static final Pattern NAME = Pattern.compile("`([a-z0-9-]+)`");

  /** A module's direct dependencies on other project modules, by kind. */
  record Uses(Set<String> main, Set<String> testOnly) {}

  @Test
  void theReadmesModuleTableIsWhatThePomsDeclare() throws Exception {
    Path root = projectRoot();
    Map<String, Uses> claimed = claimed(Files.readString(root.resolve("README.md")));
    Map<String, Uses> declared = new TreeMap<>();
    List<String> modules = modules(root.resolve("pom.xml"));
    for (String m : modules) {
      declared.put(m, declared(root.resolve(m).resolve("pom.xml"), Set.copyOf(modules)));
    }
    assertThat(claimed.keySet()).containsExactlyInAnyOrderElementsOf(declared.keySet());
    for (String m : declared.keySet()) {
      assertThat(claimed.get(m)).as("README's row for %s", m).isEqualTo(declared.get(m));
    }
  }

  @Test
  void aRowThatOmitsADependencyIsCaught() throws Exception {
    Path root = projectRoot();
    String readme = Files.readString(root.resolve("README.md"));
    String broken =
        readme.replace(
            "| `chaos-okhttp` | `chaos-adapters` |", "| `chaos-okhttp` | `chaos-core` |");
    assertThat(broken).isNotEqualTo(readme);
    Uses claimedOkHttp = claimed(broken).get("chaos-okhttp");
    List<String> modules = modules(root.resolve("pom.xml"));
    Uses declaredOkHttp =
        declared(root.resolve("chaos-okhttp").resolve("pom.xml"), Set.copyOf(modules));
    assertThat(claimedOkHttp).isNotEqualTo(declaredOkHttp);
  }

  /** The rows of the table in the README's "Architecture" section. */
  static Map<String, Uses> claimed(String readme) {
    int from = readme.indexOf("\n## Architecture\n");
    assertThat(from).as("README has an Architecture section").isNotNegative();
    int to = readme.indexOf("\n## ", from + 1);
    String section = readme.substring(from, to < 0 ? readme.length() : to);
    Map<String, Uses> rows = new TreeMap<>();
    for (String line : section.split("\n")) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        rows.put(m.group(1), new Uses(names(m.group(2)), names(m.group(3))));
      }
    }
    return rows;
  }

  private static Set<String> names(String cell) {
    Set<String> out = new TreeSet<>();
    Matcher m = NAME.matcher(cell);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static List<String> modules(Path rootPom) throws Exception {
    List<String> out = new ArrayList<>();
    NodeList nodes = parse(rootPom).getElementsByTagName("module");
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent().trim());
    }
    return out;
  }

  /** The project modules {@code pom} declares as direct dependencies. */
  static Uses declared(Path pom, Set<String> modules) throws Exception {
    Element project = parse(pom);
    Set<String> main = new TreeSet<>();
    Set<String> test = new TreeSet<>();
    for (Node n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element e) || !e.getTagName().equals("dependencies")) {
        continue; // dependencyManagement and plugin dependencies are not uses
      }
      NodeList deps = e.getElementsByTagName("dependency");
      for (int i = 0; i < deps.getLength(); i++) {
        Element d = (Element) deps.item(i);
        String artifact = text(d, "artifactId");
        if (!modules.contains(artifact)) {
          continue;
        }
        ("test".equals(text(d, "scope")) ? test : main).add(artifact);
      }
    }
    return new Uses(main, test);
  }

  private static String text(Element e, String tag) {
    NodeList l = e.getElementsByTagName(tag);
    return l.getLength() == 0 ? "" : l.item(0).getTextContent().trim();
  }

  private static Element parse(Path pom) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder()
        .parse(new java.io.ByteArrayInputStream(Files.readAllBytes(pom)))
        .getDocumentElement();
  }

  static Path projectRoot() throws IOException {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path pom = p.resolve("pom.xml");
      if (Files.exists(p.resolve("README.md"))
          && Files.exists(pom)
          && Files.readString(pom, StandardCharsets.UTF_8).contains("<modules>")) {
        return p;
      }
    }
    throw new IOException("no project root above " + Path.of("").toAbsolutePath());
  }
}
