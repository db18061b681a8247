package io.metalboot.template;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's {@code strconv.FormatFloat(v, fmt, prec, 64)}: shortest digits when prec is -1 (Java's
 * Double.toString is shortest-unique as well), otherwise exact decimal rounding, half to even.
 */
final class GoFloat {
    private GoFloat() {
    }

    /** Decimal digits without leading or trailing zeros ("" for zero); value = 0.digits × 10^dp. */
    private record Digits(String d, int dp) {
        static Digits of(BigDecimal abs) {
            if (abs.signum() == 0) {
                return new Digits("", 0);
            }
            BigDecimal s = abs.stripTrailingZeros();
            String d = s.unscaledValue().toString();
            return new Digits(d, d.length() - s.scale());
        }

        int nd() {
            return d.length();
        }

        char at(int i) {
            return i >= 0 && i < d.length() ? d.charAt(i) : '0';
        }
    }

    static String format(double v, char fmt, int prec) {
        return format(v, fmt, prec, false);
    }

    /** As {@link #format(double, char, int)}; float32 picks the shortest digits of a float. */
    static String format(double v, char fmt, int prec, boolean float32) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        boolean neg = Math.copySign(1.0, v) < 0;
        double abs = Math.abs(v);
        String sign = neg ? "-" : "";
        if (fmt == 'b') {
            return sign + binary(abs);
        }
        if (fmt == 'x' || fmt == 'X') {
            String hex = hex(abs);
            return sign + (fmt == 'X' ? hex.toUpperCase() : hex);
        }
        boolean shortest = prec < 0;
        Digits digs;
        if (shortest) {
            digs = Digits.of(new BigDecimal(float32 ? Float.toString((float) abs) : Double.toString(abs)));
            prec = switch (fmt) {
                case 'e', 'E' -> Math.max(digs.nd() - 1, 0);
                case 'f' -> Math.max(digs.nd() - digs.dp(), 0);
                default -> digs.nd();
            };
        } else {
            BigDecimal exact = new BigDecimal(abs);
            BigDecimal rounded = switch (fmt) {
                case 'e', 'E' -> exact.round(new MathContext(prec + 1, RoundingMode.HALF_EVEN));
                case 'f' -> exact.setScale(prec, RoundingMode.HALF_EVEN);
                default -> {
                    prec = prec == 0 ? 1 : prec;
                    yield exact.round(new MathContext(prec, RoundingMode.HALF_EVEN));
                }
            };
            digs = Digits.of(rounded);
        }
        return sign + switch (fmt) {
            case 'e', 'E' -> fmtE(digs, prec, fmt);
            case 'f' -> fmtF(digs, prec);
            default -> fmtG(digs, prec, fmt, shortest);
        };
    }

    private static String fmtG(Digits digs, int prec, char fmt, boolean shortest) {
        int eprec = prec;
        if (eprec > digs.nd() && digs.nd() >= digs.dp()) {
            eprec = digs.nd();
        }
        if (shortest) {
            eprec = 6;
        }
        int exp = digs.dp() - 1;
        if (exp < -4 || exp >= eprec) {
            return fmtE(digs, Math.min(prec, digs.nd()) - 1, fmt == 'G' ? 'E' : 'e');
        }
        return fmtF(digs, Math.max((prec > digs.dp() ? digs.nd() : prec) - digs.dp(), 0));
    }

    /** -d.ddddde±dd */
    private static String fmtE(Digits digs, int prec, char e) {
        StringBuilder b = new StringBuilder().append(digs.at(0));
        if (prec > 0) {
            b.append('.');
            for (int i = 1; i <= prec; i++) {
                b.append(digs.at(i));
            }
        }
        int exp = digs.nd() == 0 ? 0 : digs.dp() - 1;
        b.append(e).append(exp < 0 ? '-' : '+');
        exp = Math.abs(exp);
        return b.append(exp < 10 ? "0" + exp : Integer.toString(exp)).toString();
    }

    /** -ddddd.ddd */
    private static String fmtF(Digits digs, int prec) {
        StringBuilder b = new StringBuilder();
        if (digs.dp() > 0) {
            for (int i = 0; i < digs.dp(); i++) {
                b.append(digs.at(i));
            }
        } else {
            b.append('0');
        }
        if (prec > 0) {
            b.append('.');
            for (int i = 1; i <= prec; i++) {
                b.append(digs.at(digs.dp() + i - 1));
            }
        }
        return b.toString();
    }

    /** %b: decimal mantissa, binary exponent, e.g. 4503599627370496p-52. */
    private static String binary(double abs) {
        long bits = Double.doubleToRawLongBits(abs);
        long mant = bits & ((1L << 52) - 1);
        int exp = (int) (bits >>> 52) & 0x7ff;
        if (exp == 0) {
            exp++;
        } else {
            mant |= 1L << 52;
        }
        exp -= 1075;
        return mant + "p" + (exp >= 0 ? "+" : "") + exp;
    }

    /** %x: hexadecimal mantissa, binary exponent, e.g. 0x1.8p+01. */
    private static String hex(double abs) {
        if (abs == 0) {
            return "0x0p+00";
        }
        long bits = Double.doubleToRawLongBits(abs);
        long mant = bits & ((1L << 52) - 1);
        int exp = (int) (bits >>> 52) & 0x7ff;
        if (exp == 0) {
            exp = -1022;
            while ((mant & (1L << 52)) == 0) {
                mant <<= 1;
                exp--;
            }
            mant &= (1L << 52) - 1;
        } else {
            exp -= 1023;
        }
        String fraction = String.format("%013x", mant).replaceAll("0+$", "");
        String e = Integer.toString(Math.abs(exp));
        return "0x1" + (fraction.isEmpty() ? "" : "." + fraction) + "p" + (exp < 0 ? "-" : "+")
                + (e.length() < 2 ? "0" + e : e);
    }
}
