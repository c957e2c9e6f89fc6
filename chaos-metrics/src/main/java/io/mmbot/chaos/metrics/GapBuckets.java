package io.mmbot.chaos.metrics;

import java.util.Arrays;

/**
 * The counts behind the native {@code mm_ws_gap_ms} histogram, kept in primitive arrays so that
 * recording allocates nothing: classic buckets, and native (exponential) buckets with the
 * Prometheus client's default settings (initial schema 5, at most 160 buckets, zero threshold
 * 2<sup>-128</sup>, never reset).
 *
 * <p>Each observation is counted exactly as the Prometheus client's {@code Histogram} counts it:
 * the same bucket index (found from the same table of boundaries), the same scale-down when a new
 * bucket makes more than 160 (pairs of buckets merged with the client's index arithmetic, after
 * which later observations are indexed at the new schema), the same running sum. A snapshot
 * therefore carries the series the client's histogram exported for the same observations.
 *
 * <p>Thread safety: safe for concurrent use; recording and {@link #snapshot} hold this object's
 * monitor for a few dozen instructions. Observations never allocate; only a scale-down (at most
 * nine in the histogram's life) and a snapshot do.
 */
final class GapBuckets {

  static final int INITIAL_SCHEMA = 5;
  static final int MIN_SCHEMA = -4;
  static final int MAX_BUCKETS = 160;
  static final double ZERO_THRESHOLD = Math.pow(2.0, -128);

  /** {@code BOUNDARIES[s - 1]}: the fractions in [0.5, 1) that split a power of two at schema s. */
  private static final double[][] BOUNDARIES = boundaries(INITIAL_SCHEMA);

  // 512 slots for at most 161 buckets: probes stay short.
  private static final int SLOTS = 512;
  private static final int EMPTY = Integer.MIN_VALUE;

  private final double[] classicUpperBounds;
  // The same bounds padded with +Inf to a power of two, for a search without data-dependent jumps.
  private final double[] paddedBounds;
  private final long[] classicCounts;
  private final int[] nativeIndex = new int[SLOTS];
  private final long[] nativeCount = new long[SLOTS];
  private int nativeBuckets;
  private int schema = INITIAL_SCHEMA;
  private long zeroCount;
  private long count;
  private double sum;
  // The buckets of the previous observation and the ranges of values they hold: a feed's gaps
  // mostly fall where the previous one fell, which then takes two comparisons per kind of bucket.
  private int lastClassic;
  private double lastClassicLow = Double.NaN;
  private int lastNative;
  private double lastNativeLow = Double.NaN;
  private double lastNativeHigh = Double.NaN;

  /** Buckets with the given classic upper bounds (ascending, ending with +Inf). */
  GapBuckets(double[] classicUpperBounds) {
    this.classicUpperBounds = classicUpperBounds.clone();
    this.paddedBounds =
        Arrays.copyOf(classicUpperBounds, Integer.highestOneBit(classicUpperBounds.length * 2 - 1));
    Arrays.fill(
        paddedBounds, classicUpperBounds.length, paddedBounds.length, Double.POSITIVE_INFINITY);
    this.classicCounts = new long[classicUpperBounds.length];
    Arrays.fill(nativeIndex, EMPTY);
  }

  /** Counts {@code value}, a finite number; NaN is ignored as the client ignores it. */
  synchronized void observe(double value) {
    if (Double.isNaN(value)) {
      return;
    }
    if (!(value > lastClassicLow && value <= classicUpperBounds[lastClassic])) {
      lastClassic = classicBucket(value);
      lastClassicLow =
          lastClassic == 0 ? Double.NEGATIVE_INFINITY : classicUpperBounds[lastClassic - 1];
    }
    classicCounts[lastClassic]++;
    boolean created = false;
    if (value > ZERO_THRESHOLD) {
      if (value > lastNativeLow && value <= lastNativeHigh) {
        nativeCount[lastNative]++;
      } else {
        int index = nativeIndex(value);
        int buckets = nativeBuckets;
        lastNative = slotFor(index);
        nativeCount[lastNative]++;
        created = nativeBuckets != buckets;
      }
    } else {
      // Only non-negative values are recorded, so there are no buckets for negative ones.
      zeroCount++;
    }
    sum += value;
    count++;
    if (created && nativeBuckets > MAX_BUCKETS && schema > MIN_SCHEMA) {
      halveResolution();
    }
  }

  /**
   * The bucket of a positive {@code value} at the current schema; remembers the range of values of
   * that bucket when it lies strictly inside one power of two (schema >= 1, normal numbers).
   */
  private int nativeIndex(double value) {
    lastNativeLow = Double.NaN;
    lastNativeHigh = Double.NaN;
    if (schema < 1 || !(value >= Double.MIN_NORMAL && value <= 0x1p1000)) {
      return Double.isInfinite(value)
          ? bucketIndex(Double.MAX_VALUE, schema) + 1
          : bucketIndex(value, schema);
    }
    long bits = Double.doubleToRawLongBits(value);
    int exp = (int) (bits >>> 52) - 1022; // value = frac * 2^exp, frac in [0.5, 1)
    double frac = Double.longBitsToDouble((bits & MANTISSA) | HALF_EXPONENT);
    double[] b = BOUNDARIES[schema - 1];
    int pos = position(schema, b, frac, bits);
    if (pos >= 1 && pos < b.length) {
      lastNativeLow = Math.scalb(b[pos - 1], exp);
      lastNativeHigh = Math.scalb(b[pos], exp);
    }
    return pos + (exp - 1) * b.length;
  }

  private static final long MANTISSA = (1L << 52) - 1;
  private static final long HALF_EXPONENT = 1022L << 52;

  /**
   * {@link #search} by table: frac's top ten mantissa bits name a slice of [0.5, 1) 1/2048 wide,
   * narrower than the narrowest bucket (0.5 · (2<sup>1/32</sup> - 1) ≈ 0.011), so at most one
   * boundary lies in the slice; the table holds the first boundary at or above the slice's start.
   */
  private static int position(int schema, double[] b, double frac, long bits) {
    int pos = FIRST_AT_OR_ABOVE[schema - 1][(int) ((bits >>> 42) & 0x3FF)];
    return pos < b.length && b[pos] < frac ? pos + 1 : pos;
  }

  private static final short[][] FIRST_AT_OR_ABOVE = slices(INITIAL_SCHEMA);

  private static short[][] slices(int max) {
    short[][] t = new short[max][1024];
    for (int s = 1; s <= max; s++) {
      double[] b = BOUNDARIES[s - 1];
      for (int m = 0; m < 1024; m++) {
        t[s - 1][m] = (short) search(b, 0.5 + m / 2048.0);
      }
    }
    return t;
  }

  /** The first classic bucket whose upper bound is >= {@code value} (the last bound is +Inf). */
  private int classicBucket(double value) {
    // Counts the bounds below value, halving the candidate range each step (the padding is +Inf,
    // never below a value, and the last real bound is +Inf, so the result is a real bucket).
    double[] b = paddedBounds;
    int below = 0;
    for (int step = b.length >>> 1; step > 0; step >>>= 1) {
      if (b[below + step - 1] < value) {
        below += step;
      }
    }
    return below;
  }

  /** A consistent copy of every count. */
  synchronized Snapshot snapshot() {
    int[] indexes = new int[nativeBuckets];
    int n = 0;
    for (int slot = 0; slot < SLOTS; slot++) {
      if (nativeIndex[slot] != EMPTY) {
        indexes[n++] = nativeIndex[slot];
      }
    }
    Arrays.sort(indexes);
    long[] counts = new long[n];
    for (int i = 0; i < n; i++) {
      counts[i] = nativeCount[find(indexes[i])];
    }
    return new Snapshot(
        classicUpperBounds.clone(),
        classicCounts.clone(),
        schema,
        zeroCount,
        indexes,
        counts,
        sum,
        count);
  }

  /** The counts at one moment. Arrays are owned by the snapshot. */
  record Snapshot(
      double[] classicUpperBounds,
      long[] classicCounts,
      int schema,
      long zeroCount,
      int[] positiveIndexes,
      long[] positiveCounts,
      double sum,
      long count) {}

  // ---------------------------------------------------------------- native buckets

  /** The slot of bucket {@code index}, taken (at count 0) if the bucket is new. */
  private int slotFor(int index) {
    int slot = slot(index);
    while (true) {
      int k = nativeIndex[slot];
      if (k == index) {
        return slot;
      }
      if (k == EMPTY) {
        nativeIndex[slot] = index;
        nativeCount[slot] = 0;
        nativeBuckets++;
        return slot;
      }
      slot = (slot + 1) & (SLOTS - 1);
    }
  }

  private int find(int index) {
    int slot = slot(index);
    while (nativeIndex[slot] != index) {
      slot = (slot + 1) & (SLOTS - 1);
    }
    return slot;
  }

  private static int slot(int index) {
    return (index * 0x9E3779B9) >>> 23; // the top 9 bits: 0..511
  }

  /**
   * Merges neighbouring buckets pairwise and lowers the schema by one. Bucket {@code k} goes to
   * {@code (k + 1) / 2} in Java's integer division, as the Prometheus client merges them.
   */
  private void halveResolution() {
    int[] keys = new int[nativeBuckets];
    long[] values = new long[nativeBuckets];
    int n = 0;
    for (int slot = 0; slot < SLOTS; slot++) {
      if (nativeIndex[slot] != EMPTY) {
        keys[n] = nativeIndex[slot];
        values[n++] = nativeCount[slot];
      }
    }
    Arrays.fill(nativeIndex, EMPTY);
    nativeBuckets = 0;
    lastNativeLow = Double.NaN;
    lastNativeHigh = Double.NaN;
    for (int i = 0; i < n; i++) {
      nativeCount[slotFor((keys[i] + 1) / 2)] += values[i];
    }
    schema--;
  }

  /**
   * The native bucket of a positive finite {@code value} at {@code schema}: bucket i holds (base
   * <sup>i-1</sup>, base<sup>i</sup>], base = 2<sup>2<sup>-schema</sup></sup>.
   */
  static int bucketIndex(double value, int schema) {
    // value = frac * 2^exp with frac in [0.5, 1)
    int exp;
    double frac;
    if (value >= Double.MIN_NORMAL) {
      exp = Math.getExponent(value) + 1;
      frac = Math.scalb(value, -exp);
    } else {
      exp = 0;
      frac = value;
      while (frac < 0.5) {
        frac *= 2.0;
        exp--;
      }
    }
    if (schema >= 1) {
      double[] b = BOUNDARIES[schema - 1];
      return search(b, frac) + (exp - 1) * b.length;
    }
    int index = frac == 0.5 ? exp - 1 : exp;
    int shift = -schema;
    return (index + (1 << shift) - 1) >> shift;
  }

  /** The first position whose boundary is >= {@code frac} (the length if there is none). */
  private static int search(double[] b, double frac) {
    int lo = 0;
    int hi = b.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (b[mid] == frac) {
        return mid;
      }
      if (b[mid] < frac) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return hi + 1;
  }

  /**
   * For each schema 1..max the 2<sup>s</sup> boundaries 0.5·base<sup>i</sup>; every even one is
   * taken from the coarser schema, so that the coarser boundaries are exactly among the finer.
   */
  private static double[][] boundaries(int max) {
    double[][] b = new double[max][];
    for (int s = 1; s <= max; s++) {
      double[] row = new double[1 << s];
      double base = Math.pow(2, Math.pow(2, -s));
      row[0] = 0.5;
      for (int i = 1; i < row.length; i++) {
        row[i] = (s > 1 && i % 2 == 0) ? b[s - 2][i / 2] : row[i - 1] * base;
      }
      b[s - 1] = row;
    }
    return b;
  }
}
