package io.metalboot.router.edgeos;

import java.util.Comparator;

/**
 * The order Vyatta lists configuration nodes in: vyatta-cfg's {@code Cstore::sort_nodes} uses
 * apt's Debian version comparison ({@code pkgVersionCompare}) by default, so {@code eth2} sorts
 * before {@code eth10} and {@code kube-master} before {@code kube-worker-1}. Ties (e.g. {@code 01}
 * and {@code 1}) fall back to plain string order so the order is total.
 */
final class DebianVersionOrder implements Comparator<String> {
    static final DebianVersionOrder INSTANCE = new DebianVersionOrder();

    private DebianVersionOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int result = compareVersions(a, b);
        return result != 0 ? Integer.signum(result) : a.compareTo(b);
    }

    /** apt's {@code debVersioningSystem::DoCmpVersion}: epoch, upstream version, revision. */
    static int compareVersions(String a, String b) {
        int aColon = a.indexOf(':');
        int bColon = b.indexOf(':');
        String aEpoch = aColon < 0 ? "" : stripZeros(a.substring(0, aColon));
        String bEpoch = bColon < 0 ? "" : stripZeros(b.substring(0, bColon));
        int result = compareFragment(aEpoch, bEpoch);
        if (result != 0) {
            return result;
        }
        String aRest = a.substring(aColon + 1);
        String bRest = b.substring(bColon + 1);
        int aDash = aRest.lastIndexOf('-');
        int bDash = bRest.lastIndexOf('-');
        result = compareFragment(aDash < 0 ? aRest : aRest.substring(0, aDash),
                bDash < 0 ? bRest : bRest.substring(0, bDash));
        if (result != 0) {
            return result;
        }
        // no revision compares like revision "0"
        String aRevision = aDash < 0 ? "0" : aRest.substring(aDash + 1);
        String bRevision = bDash < 0 ? "0" : bRest.substring(bDash + 1);
        return aDash < 0 && bDash < 0 ? 0 : compareFragment(aRevision, bRevision);
    }

    private static String stripZeros(String epoch) {
        return epoch.replaceFirst("^0+", "");
    }

    /** apt's {@code CmpFragment}: alternating non-digit and digit runs; '~' sorts before everything. */
    static int compareFragment(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            while (i < a.length() && j < b.length() && !(isDigit(a.charAt(i)) && isDigit(b.charAt(j)))) {
                int difference = order(a.charAt(i)) - order(b.charAt(j));
                if (difference != 0) {
                    return difference;
                }
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            int firstDifference = 0;
            while (i < a.length() && j < b.length() && isDigit(a.charAt(i)) && isDigit(b.charAt(j))) {
                if (firstDifference == 0) {
                    firstDifference = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (i < a.length() && isDigit(a.charAt(i))) {
                return 1;
            }
            if (j < b.length() && isDigit(b.charAt(j))) {
                return -1;
            }
            if (firstDifference != 0) {
                return firstDifference;
            }
        }
        if (i == a.length() && j == b.length()) {
            return 0;
        }
        if (i == a.length()) {
            return b.charAt(j) == '~' ? 1 : -1;
        }
        return a.charAt(i) == '~' ? -1 : 1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int order(char c) {
        if (isDigit(c)) {
            return 0;
        }
        if (Character.isLetter(c) && c < 128) {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c + 256;
    }
}
