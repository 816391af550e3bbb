package org.harl.plugins.datasets.synthetic;

/**
 * Surface patterns in object coordinates: the mix weight between a class's primary (0) and secondary (1) colour.
 * {@code f} is the pattern frequency in cycles per object radius.
 */
enum Texture {
    SOLID {
        @Override
        double at(double u, double v, double f) {
            return 0.25 * (u + v + 2) / 4; // faint shading
        }
    },
    STRIPES {
        @Override
        double at(double u, double v, double f) {
            return Math.sin(Math.PI * f * u) > 0 ? 1 : 0;
        }
    },
    CHECKER {
        @Override
        double at(double u, double v, double f) {
            return ((int) Math.floor(f * (u + 2)) + (int) Math.floor(f * (v + 2))) % 2;
        }
    },
    DOTS {
        @Override
        double at(double u, double v, double f) {
            double a = f * (u + 2) - Math.floor(f * (u + 2)) - 0.5;
            double b = f * (v + 2) - Math.floor(f * (v + 2)) - 0.5;
            return a * a + b * b < 0.09 ? 1 : 0;
        }
    },
    RINGS {
        @Override
        double at(double u, double v, double f) {
            return Math.sin(Math.PI * f * Math.sqrt(u * u + v * v)) > 0 ? 1 : 0;
        }
    },
    RADIAL {
        @Override
        double at(double u, double v, double f) {
            return Math.min(1, Math.sqrt(u * u + v * v));
        }
    },
    WAVES {
        @Override
        double at(double u, double v, double f) {
            return 0.5 + 0.5 * Math.sin(Math.PI * f * (v + 0.25 * Math.sin(Math.PI * 1.5 * u)));
        }
    },
    DIAGONAL {
        @Override
        double at(double u, double v, double f) {
            return Math.sin(Math.PI * f * (u + v) * 0.7) > 0.3 ? 1 : 0;
        }
    };

    abstract double at(double u, double v, double f);
}
