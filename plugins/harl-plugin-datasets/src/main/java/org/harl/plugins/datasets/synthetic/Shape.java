package org.harl.plugins.datasets.synthetic;

/** Object outlines in unit coordinates (u, v in [-1, 1], v pointing down). */
enum Shape {
    CIRCLE {
        @Override
        boolean inside(double u, double v) {
            return u * u + v * v <= 1;
        }
    },
    SQUARE {
        @Override
        boolean inside(double u, double v) {
            return Math.max(Math.abs(u), Math.abs(v)) <= 0.85;
        }
    },
    TRIANGLE {
        @Override
        boolean inside(double u, double v) {
            return v <= 0.75 && v >= -0.95 + 1.9 * Math.abs(u);
        }
    },
    CROSS {
        @Override
        boolean inside(double u, double v) {
            double a = Math.abs(u);
            double b = Math.abs(v);
            return (a <= 0.32 && b <= 0.95) || (b <= 0.32 && a <= 0.95);
        }
    },
    RING {
        @Override
        boolean inside(double u, double v) {
            double r = u * u + v * v;
            return r <= 1 && r >= 0.3;
        }
    },
    STAR {
        @Override
        boolean inside(double u, double v) {
            double r = Math.sqrt(u * u + v * v);
            double t = Math.atan2(v, u) + Math.PI / 2;
            double k = Math.abs(Math.cos(2.5 * t));
            return r <= 0.42 + 0.58 * k * k * k;
        }
    },
    DIAMOND {
        @Override
        boolean inside(double u, double v) {
            return Math.abs(u) * 1.3 + Math.abs(v) <= 1;
        }
    },
    BAR {
        @Override
        boolean inside(double u, double v) {
            return Math.abs(u) <= 0.98 && Math.abs(v) <= 0.34;
        }
    },
    ELL {
        @Override
        boolean inside(double u, double v) {
            return (u >= -0.9 && u <= -0.3 && Math.abs(v) <= 0.9) || (Math.abs(u) <= 0.9 && v >= 0.3 && v <= 0.9);
        }
    },
    FRAME {
        @Override
        boolean inside(double u, double v) {
            double m = Math.max(Math.abs(u), Math.abs(v));
            return m <= 0.9 && m >= 0.55;
        }
    },
    CRESCENT {
        @Override
        boolean inside(double u, double v) {
            double du = u - 0.45;
            return u * u + v * v <= 1 && du * du + v * v > 0.6;
        }
    },
    HEXAGON {
        @Override
        boolean inside(double u, double v) {
            double a = Math.abs(u);
            double b = Math.abs(v);
            return b <= 0.85 && a * 0.866 + b * 0.5 <= 0.85;
        }
    };

    abstract boolean inside(double u, double v);
}
