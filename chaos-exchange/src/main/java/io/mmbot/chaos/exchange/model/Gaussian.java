package io.mmbot.chaos.exchange.model;

import java.util.SplittableRandom;

/**
 * Standard normal draws from a seeded stream: Box-Muller, each pair of uniforms giving two normals
 * ({@link SplittableRandom} has no {@code nextGaussian} on Java 17).
 */
final class Gaussian {
  private final SplittableRandom random;
  private double spare;
  private boolean hasSpare;

  Gaussian(SplittableRandom random) {
    this.random = random;
  }

  double next() {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    double u = 1 - random.nextDouble();
    double v = 2 * Math.PI * random.nextDouble();
    double r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(v);
    hasSpare = true;
    return r * Math.cos(v);
  }
}
