package dev.errata.metrics;

import java.util.SplittableRandom;

/**
 * Draws multinomial counts as a chain of binomials; each binomial in O(1) expected time, so
 * resampling a confusion matrix costs the same at 100 rows as at 10^7.
 *
 * <p>Binomials with a small mean use inversion; the rest use Kachitvichyanukul and Schmeiser's BTPE
 * algorithm ("Binomial random variate generation", CACM 31(2), 1988).
 */
final class Multinomial {

  private Multinomial() {}

  /** Fills {@code out} with counts of {@code n} draws over cells with probabilities {@code p}. */
  static void sample(SplittableRandom random, long n, double[] p, long[] out) {
    long remaining = n;
    double mass = 1.0;
    for (int i = 0; i < p.length; i++) {
      if (remaining == 0 || p[i] <= 0) {
        out[i] = 0;
      } else if (i == p.length - 1 || p[i] >= mass) {
        out[i] = remaining;
        remaining = 0;
      } else {
        out[i] = binomial(random, remaining, p[i] / mass);
        remaining -= out[i];
      }
      mass -= p[i];
    }
  }

  /** Returns a Binomial(n, p) draw. */
  static long binomial(SplittableRandom random, long n, double p) {
    if (n == 0 || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    double r = Math.min(p, 1 - p);
    long x = n * r < 30 ? inversion(random, n, r) : btpe(random, n, r);
    return p > 0.5 ? n - x : x;
  }

  /** Inverts the CDF from 0, for n·p < 30; restarts in the far tail where rounding piles up. */
  private static long inversion(SplittableRandom random, long n, double p) {
    double q = 1 - p;
    double p0 = Math.exp(n * Math.log1p(-p));
    double bound = Math.min(n, n * p + 10 * Math.sqrt(n * p * q + 1));
    while (true) {
      double u = random.nextDouble();
      double px = p0;
      long x = 0;
      while (u > px) {
        u -= px;
        x++;
        if (x > bound) {
          break;
        }
        px *= (double) (n - x + 1) / x * p / q;
      }
      if (x <= bound) {
        return x;
      }
    }
  }

  /** BTPE for p <= 0.5 and n·p >= 30: triangle, parallelograms and exponential tails. */
  private static long btpe(SplittableRandom random, long n, double p) {
    double q = 1 - p;
    double npq = n * p * q;
    double fm = n * p + p;
    long m = (long) Math.floor(fm);
    double p1 = Math.floor(2.195 * Math.sqrt(npq) - 4.6 * q) + 0.5;
    double xm = m + 0.5;
    double xl = xm - p1;
    double xr = xm + p1;
    double c = 0.134 + 20.5 / (15.3 + m);
    double a = (fm - xl) / (fm - xl * p);
    double lambdaL = a * (1 + a / 2);
    a = (xr - fm) / (xr * q);
    double lambdaR = a * (1 + a / 2);
    double p2 = p1 * (1 + 2 * c);
    double p3 = p2 + c / lambdaL;
    double p4 = p3 + c / lambdaR;
    while (true) {
      double u = random.nextDouble() * p4;
      double v = random.nextDouble();
      long y;
      if (u <= p1) {
        // Triangle: accept at once.
        return (long) Math.floor(xm - p1 * v + u);
      } else if (u <= p2) {
        // Parallelograms.
        double x = xl + (u - p1) / c;
        v = v * c + 1 - Math.abs(m - x + 0.5) / p1;
        if (v > 1) {
          continue;
        }
        y = (long) Math.floor(x);
      } else if (u <= p3) {
        // Left exponential tail.
        if (v == 0) {
          continue;
        }
        y = (long) Math.floor(xl + Math.log(v) / lambdaL);
        if (y < 0) {
          continue;
        }
        v = v * (u - p2) * lambdaL;
      } else {
        // Right exponential tail.
        if (v == 0) {
          continue;
        }
        y = (long) Math.floor(xr - Math.log(v) / lambdaR);
        if (y > n) {
          continue;
        }
        v = v * (u - p3) * lambdaR;
      }
      if (accept(n, p, q, npq, m, xm, y, v)) {
        return y;
      }
    }
  }

  /** Compares v with f(y)/f(m): exactly when y is near the mode, else by bounds and Stirling. */
  private static boolean accept(
      long n, double p, double q, double npq, long m, double xm, long y, double v) {
    long k = Math.abs(y - m);
    if (k <= 20 || k >= npq / 2 - 1) {
      double s = p / q;
      double a = s * (n + 1);
      double f = 1;
      if (m < y) {
        for (long i = m + 1; i <= y; i++) {
          f *= a / i - s;
        }
      } else if (m > y) {
        for (long i = y + 1; i <= m; i++) {
          f /= a / i - s;
        }
      }
      return v <= f;
    }
    double rho = (k / npq) * ((k * (k / 3.0 + 0.625) + 1.0 / 6) / npq + 0.5);
    double t = -(double) k * k / (2 * npq);
    double logV = Math.log(v);
    if (logV < t - rho) {
      return true;
    }
    if (logV > t + rho) {
      return false;
    }
    double x1 = y + 1;
    double f1 = m + 1;
    double z = n + 1 - m;
    double w = n - y + 1;
    double bound =
        xm * Math.log(f1 / x1)
            + (n - m + 0.5) * Math.log(z / w)
            + (y - m) * Math.log(w * p / (x1 * q))
            + stirlingCorrection(f1)
            + stirlingCorrection(z)
            + stirlingCorrection(x1)
            + stirlingCorrection(w);
    return logV <= bound;
  }

  /** Returns the Stirling series correction term for log(x!) used by BTPE's final test. */
  private static double stirlingCorrection(double x) {
    double x2 = x * x;
    return (13860 - (462 - (132 - (99 - 140 / x2) / x2) / x2) / x2) / x / 166320;
  }
}
