package de.allmende.bench;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * First, last, least and most memory over a series of samples, and the least-squares slope with its 95 %
 * confidence interval (1.96 standard errors), in MiB per 10 minutes.
 *
 * <p>"Flat" means the interval contains zero (no trend that the sample-to-sample noise does not explain),
 * or the slope is below {@link #FLAT_MIB_PER_10_MIN}: over a long soak even a small steady trend becomes
 * significant, and a rise of less than 1 MiB per 10 minutes (144 MiB a day) is treated as within noise.
 */
record MemoryTrend(double firstMib, double lastMib, double minMib, double maxMib, double slopeMibPer10Min, double slopeError95,
                   int samples) {
    static final double FLAT_MIB_PER_10_MIN = 1.0;

    static MemoryTrend of(List<SoakSample> samples, ToLongFunction<SoakSample> kib) {
        int n = samples.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double min = Double.MAX_VALUE, max = 0;
        for (int i = 0; i < n; i++) {
            x[i] = samples.get(i).seconds() / 600; // in units of 10 minutes
            y[i] = kib.applyAsLong(samples.get(i)) / 1024.0;
            min = Math.min(min, y[i]);
            max = Math.max(max, y[i]);
        }
        double mx = mean(x), my = mean(y), sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        double residuals = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - (my + slope * (x[i] - mx));
            residuals += r * r;
        }
        double error = n > 2 && sxx > 0 ? 1.96 * Math.sqrt(residuals / (n - 2) / sxx) : Double.NaN;
        return new MemoryTrend(n == 0 ? 0 : y[0], n == 0 ? 0 : y[n - 1], n == 0 ? 0 : min, max, slope, error, n);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) s += d;
        return v.length == 0 ? 0 : s / v.length;
    }

    boolean flat() {
        return Math.abs(slopeMibPer10Min) <= FLAT_MIB_PER_10_MIN || Math.abs(slopeMibPer10Min) <= slopeError95;
    }

    String describe() {
        return String.format("first %.1f, last %.1f, min %.1f, max %.1f MiB; slope %+.2f ± %.2f MiB per 10 min over %d samples → %s",
                firstMib, lastMib, minMib, maxMib, slopeMibPer10Min, slopeError95, samples, flat() ? "flat" : "NOT flat");
    }
}
