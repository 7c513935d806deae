package io.parallellmu.lti;

/** Small dense linear algebra on row-major {@code double[][]} matrices. */
final class Matrices {

    private Matrices() {}

    static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    static double[][] multiply(double[][] x, double[][] y) {
        int n = x.length;
        int k = y.length;
        int m = y[0].length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] row = out[i];
            for (int p = 0; p < k; p++) {
                double xip = x[i][p];
                if (xip == 0) {
                    continue;
                }
                double[] yp = y[p];
                for (int j = 0; j < m; j++) {
                    row[j] += xip * yp[j];
                }
            }
        }
        return out;
    }

    static double[] multiply(double[][] x, double[] v) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            double[] row = x[i];
            for (int j = 0; j < v.length; j++) {
                s += row[j] * v[j];
            }
            out[i] = s;
        }
        return out;
    }

    /** Returns a·x + b·y. */
    static double[][] combine(double a, double[][] x, double b, double[][] y) {
        int n = x.length;
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = new double[x[i].length];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = a * x[i][j] + b * y[i][j];
            }
        }
        return out;
    }

    static double[][] scale(double s, double[][] x) {
        return combine(s, x, 0, x);
    }

    /** Returns x + s·I. */
    static double[][] addIdentity(double[][] x, double s) {
        double[][] out = copy(x);
        for (int i = 0; i < out.length; i++) {
            out[i][i] += s;
        }
        return out;
    }

    static double[][] copy(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i].clone();
        }
        return out;
    }

    /** The maximum absolute column sum. */
    static double norm1(double[][] x) {
        int n = x.length;
        double max = 0;
        for (int j = 0; j < x[0].length; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += Math.abs(x[i][j]);
            }
            max = Math.max(max, s);
        }
        return max;
    }

    /** Solves P X = Q for X by Gaussian elimination with partial pivoting. */
    static double[][] solve(double[][] p, double[][] q) {
        int n = p.length;
        int m = q[0].length;
        double[][] a = copy(p);
        double[][] x = copy(q);
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (a[pivot][col] == 0) {
                throw new ArithmeticException("singular matrix at column " + col);
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            t = x[col];
            x[col] = x[pivot];
            x[pivot] = t;
            double[] pivotRow = a[col];
            double[] pivotX = x[col];
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / pivotRow[col];
                if (f == 0) {
                    continue;
                }
                double[] row = a[r];
                for (int c = col; c < n; c++) {
                    row[c] -= f * pivotRow[c];
                }
                double[] xr = x[r];
                for (int c = 0; c < m; c++) {
                    xr[c] -= f * pivotX[c];
                }
            }
        }
        for (int col = n - 1; col >= 0; col--) {
            double[] xr = x[col];
            double diag = a[col][col];
            for (int c = 0; c < m; c++) {
                xr[c] /= diag;
            }
            for (int r = 0; r < col; r++) {
                double f = a[r][col];
                if (f == 0) {
                    continue;
                }
                double[] xrr = x[r];
                for (int c = 0; c < m; c++) {
                    xrr[c] -= f * xr[c];
                }
            }
        }
        return x;
    }
}
