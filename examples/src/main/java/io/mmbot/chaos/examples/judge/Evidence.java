package io.mmbot.chaos.examples.judge;

import java.util.List;

/**
 * Everything the judge may look at for one run: the wire between bot and exchange, the exchange's
 * orders, and the scrapes of the bot's exported metrics. Nothing here comes from the bot's objects,
 * so a bot the judge did not write, in another process, can be judged on the same evidence.
 *
 * @param wire requests and WebSocket sessions as they crossed the wire
 * @param orders every order the exchange accepted from the client
 * @param samples one scrape per tick
 * @param facts the run's time frame and the bot's declared limits
 */
public record Evidence(
    WireLog wire, List<OrderRecord> orders, List<TickSample> samples, RunFacts facts) {}
