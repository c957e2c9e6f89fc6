package io.mmbot.chaos.exchange.server;

import io.mmbot.chaos.http.FaultPlan;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which {@link LostAnswer} form an answer lost after execution takes, from the plan's own split
 * ({@code net_loss.cut_share}): a lost response ({@link FaultPlan#isCut()} false) is {@link
 * LostAnswer#SILENCE}; a connection cut on the answer's way is {@link LostAnswer#RESET} and {@link
 * LostAnswer#CUT_BODY} in turn. When the allowed forms leave a kind without any of its own, that
 * kind takes the allowed forms in turn, so a server limited to one form always uses it. Safe for
 * concurrent use.
 */
final class LostAnswerChoice {
  private final List<LostAnswer> lost;
  private final List<LostAnswer> cut;
  private final AtomicLong lostTurn = new AtomicLong();
  private final AtomicLong cutTurn = new AtomicLong();

  LostAnswerChoice(List<LostAnswer> allowed) {
    this.lost = own(allowed, EnumSet.of(LostAnswer.SILENCE));
    this.cut = own(allowed, EnumSet.of(LostAnswer.RESET, LostAnswer.CUT_BODY));
  }

  private static List<LostAnswer> own(List<LostAnswer> allowed, Set<LostAnswer> kind) {
    List<LostAnswer> l = new ArrayList<>();
    for (LostAnswer a : allowed) {
      if (kind.contains(a)) {
        l.add(a);
      }
    }
    return List.copyOf(l.isEmpty() ? allowed : l);
  }

  /** The form for the lost answer of {@code plan} (a NET_LOSS after execution). */
  LostAnswer formFor(FaultPlan plan) {
    List<LostAnswer> forms = plan.isCut() ? cut : lost;
    AtomicLong turn = plan.isCut() ? cutTurn : lostTurn;
    return forms.get((int) (turn.getAndIncrement() % forms.size()));
  }
}
