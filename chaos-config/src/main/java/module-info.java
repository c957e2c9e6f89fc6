/** mm-chaos config: binds the {@code chaos:} block of {@code config.yaml}, with hot reload. */
module io.mmbot.chaos.config {
  requires transitive io.mmbot.chaos.core;
  requires org.yaml.snakeyaml;

  exports io.mmbot.chaos.config;
}
