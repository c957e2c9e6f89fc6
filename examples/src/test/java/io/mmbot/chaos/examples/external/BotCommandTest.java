package io.mmbot.chaos.examples.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BotCommandTest {

  private static final BotEnv ENV =
      new BotEnv(
          "http://127.0.0.1:4100",
          "ws://127.0.0.1:4101",
          "key-1",
          "secret 2",
          9100,
          9200,
          "0123456789abcdef0123456789abcdef",
          Path.of("/tmp/runs/r 1"));

  static List<Arguments> splitting() {
    return List.of(
        split("java -jar bot.jar", "java", "-jar", "bot.jar"),
        split("  a \t b\n c  ", "a", "b", "c"),
        split("a 'b c' d", "a", "b c", "d"),
        split("'a\\b\"c'", "a\\b\"c"),
        split("\"a b\" c", "a b", "c"),
        split("\"say \\\"hi\\\" \\\\ \\n\"", "say \"hi\" \\ \\n"),
        split("a\\ b c", "a b", "c"),
        split("\\'x\\\"", "'x\""),
        split("pre'mid dle'\"post fix\"end", "premid dlepost fixend"),
        split("x '' \"\"", "x", "", ""),
        split("--json='{\"a\":1}' {} { x }", "--json={\"a\":1}", "{}", "{", "x", "}"),
        split("echo \\{rest_url}", "echo", "{rest_url}"));
  }

  private static Arguments split(String line, String... words) {
    return Arguments.of(line, Arrays.asList(words));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("splitting")
  void splitsLikeAShellWithoutOne(String line, List<String> words) {
    BotCommand cmd = BotCommand.parse(line);
    assertThat(cmd.argv(ENV)).containsExactlyElementsOf(words);
    assertThat(cmd.size()).isEqualTo(words.size());
  }

  @Test
  void fillsPlaceholdersAnywhereInAWordWithoutSplittingTheirValues() {
    BotCommand cmd =
        BotCommand.parse(
            "node bot.js --rest={rest_url}/api --ws \"{ws_url}\" '{api_key}:{api_secret}'"
                + " --metrics {metrics_port} --control=127.0.0.1:{control_port}"
                + " --token {control_token} --log {run_dir}/bot.log");
    assertThat(cmd.argv(ENV))
        .containsExactly(
            "node",
            "bot.js",
            "--rest=http://127.0.0.1:4100/api",
            "--ws",
            "ws://127.0.0.1:4101",
            "key-1:secret 2",
            "--metrics",
            "9100",
            "--control=127.0.0.1:9200",
            "--token",
            "0123456789abcdef0123456789abcdef",
            "--log",
            "/tmp/runs/r 1/bot.log");
    assertThat(cmd.placeholders())
        .containsExactly(
            "rest_url",
            "ws_url",
            "api_key",
            "api_secret",
            "metrics_port",
            "control_port",
            "control_token",
            "run_dir");
  }

  /**
   * {@code {rest_host_url}} is the REST base by the name {@code localhost}, for a bot whose name
   * lookups are to be tested (DNS_FLAP from its own injector): an IP literal is never looked up.
   */
  @Test
  void theRestBaseByNameIsOfferedBesideTheAddress() {
    BotEnv env =
        new BotEnv("http://127.0.0.1:9123", "ws://127.0.0.1:9124", "k", "s", 1, 0, null, null);
    assertThat(BotCommand.parse("bot {rest_host_url} {rest_url}").argv(env))
        .containsExactly("bot", "http://localhost:9123", "http://127.0.0.1:9123");
    BotEnv none = new BotEnv(null, "ws://127.0.0.1:9124", "k", "s", 1, 0, null, null);
    assertThat(none.values()).doesNotContainKey("rest_host_url");
  }

  @Test
  void placeholdersListsEachUsedNameOnceInOrder() {
    BotCommand cmd = BotCommand.parse("bot {metrics_port} {rest_url} {metrics_port}");
    assertThat(cmd.placeholders()).containsExactly("metrics_port", "rest_url");
    assertThat(BotCommand.parse("bot --plain").placeholders()).isEmpty();
  }

  @Test
  void aValueThatLooksLikeAPlaceholderIsNotFilledInAgain() {
    BotEnv env = new BotEnv("{ws_url}", "ws://x", "k", "s", 1, 0, null, Path.of("/r"));
    assertThat(BotCommand.parse("bot {rest_url}").argv(env)).containsExactly("bot", "{ws_url}");
  }

  @Test
  void refusesAnEmptyLine() {
    for (String line : List.of("", "   ", "\t\n")) {
      assertThatThrownBy(() -> BotCommand.parse(line))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("bot command is empty: give the program to run");
    }
  }

  @Test
  void refusesAnEmptyProgramWord() {
    assertThatThrownBy(() -> BotCommand.parse("'' --flag"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bot command starts with an empty word: give the program to run: '' --flag");
  }

  @Test
  void refusesAnUnbalancedSingleQuoteSayingWhere() {
    assertThatThrownBy(() -> BotCommand.parse("bot 'abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bot command has an unbalanced single quote at column 5: bot 'abc");
  }

  @Test
  void refusesAnUnbalancedDoubleQuoteSayingWhere() {
    assertThatThrownBy(() -> BotCommand.parse("bot x\"ab\\\""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bot command has an unbalanced double quote at column 6: bot x\"ab\\\"");
  }

  @Test
  void refusesATrailingBackslash() {
    assertThatThrownBy(() -> BotCommand.parse("bot --x \\"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bot command ends with a backslash that escapes nothing: bot --x \\");
  }

  @Test
  void refusesAnUnknownPlaceholderNamingIt() {
    assertThatThrownBy(() -> BotCommand.parse("bot --url={rest_ur}/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "bot command has an unknown placeholder {rest_ur} in the word starting at column 5;"
                + " known: {rest_url}, {rest_host_url}, {ws_url}")
        .hasMessageEndingWith("(write \\{ outside quotes for a literal brace)");
    assertThatThrownBy(() -> BotCommand.parse("bot '{REST_URL}'"))
        .hasMessageContaining("unknown placeholder {REST_URL}");
  }

  @Test
  void refusesToFillAPlaceholderTheRunHasNoValueFor() {
    BotEnv exchangeMode = new BotEnv("http://a", "ws://a", "k", "s", 9100, 0, null, Path.of("/r"));
    BotCommand cmd = BotCommand.parse("bot --port {control_port} --token {control_token}");
    assertThatThrownBy(() -> cmd.argv(exchangeMode))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("bot command uses {control_port} but this run has no value");
  }

  @Test
  void argvIsUnmodifiableAndToStringIsTheLine() {
    BotCommand cmd = BotCommand.parse("bot  'a b'");
    assertThat(cmd).hasToString("bot  'a b'");
    assertThatThrownBy(() -> cmd.argv(ENV).add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void envValuesNameEveryPlaceholderAndHideSecretsFromToString() {
    assertThat(ENV.values().keySet()).containsExactlyElementsOf(BotEnv.NAMES);
    assertThat(ENV.values()).containsEntry("metrics_port", "9100");
    assertThat(ENV.toString()).doesNotContain("secret 2").doesNotContain("0123456789abcdef");
  }
}
