package io.mmbot.chaos.dns.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "0.0.0.0",
        "255.255.255.255",
        "::",
        "::1",
        "[::1]",
        "1::",
        "2001:db8::8a2e:370:7334",
        "2001:0db8:0000:0000:0000:ff00:0042:8329",
        "::ffff:192.0.2.1",
        "fe80::1%1",
        "[fe80::1%1]"
      })
  void literalsTheJdkParsesAreLiterals(String host) throws Exception {
    assertThat(IpLiterals.isLiteral(host)).isTrue();
    assertThat(InetAddress.getAllByName(host)).hasSize(1); // a literal: no lookup happens
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "localhost",
        "api.exchange.test",
        "cafe",
        "256.1.1.1",
        "1.2.3",
        "1.2.3.4.5",
        "1..2.3",
        "1.2.3.4.",
        "0001.2.3.4",
        "1:2",
        ":1::",
        "1:::2",
        "1::2::3",
        "12345::1",
        "[::1",
        "[]",
        "g::1",
        "::1%"
      })
  void everythingElseIsAName(String host) {
    assertThat(IpLiterals.isLiteral(host)).isFalse();
  }
}
