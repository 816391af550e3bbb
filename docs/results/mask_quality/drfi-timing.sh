#!/usr/bin/env bash
# DRFI's per-image time in this working tree against the masks plugin of an older revision, both in one process,
# interleaved image by image so that both see the same machine load (DrfiTimingAB.java beside this script): thread
# CPU time of one DRFI saliency map at 224 px (default config, bundled forest) on the 4 bench images of
# plugins/harl-plugin-masks/src/test/resources/felzenszwalb, median over ROUNDS runs per image, and new/old.
#   docs/results/mask_quality/drfi-timing.sh [REV] [ROUNDS] [WARMUP]  (default: e11632c, before the speed-ups; 31; 5)
# Needs a JDK (javac) and git. Both plugin versions are compiled the same way, from `git archive REV` and from the
# working tree, against the dependency jars of the CLI build.
set -euo pipefail
cd "$(dirname "$0")/../../.."
REV=${1:-e11632c}
ROUNDS=${2:-31}
WARMUP=${3:-5}
./harl --version >/dev/null # builds the CLI (and its lib/ folder) if a source changed
LIB=tools/harl-cli/target/lib
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
DEPS=$(ls "$LIB"/*.jar | grep -v '/harl-plugin-masks-' | tr '\n' ':')
compile() { # source root (holding src/main), output folder
    javac -nowarn -encoding UTF-8 -d "$2" -cp "$DEPS" $(find "$1/src/main/java" -name '*.java')
    cp -r "$1/src/main/resources/." "$2/"
}
git archive "$REV" plugins/harl-plugin-masks/src/main | tar -x -C "$TMP"
compile "$TMP/plugins/harl-plugin-masks" "$TMP/old"
compile plugins/harl-plugin-masks "$TMP/new"
echo "old: $REV; new: working tree at $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- plugins/harl-plugin-masks/src/main || echo ' with uncommitted changes')"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start, $(date -u +%FT%TZ)"
java -XX:ActiveProcessorCount=1 -cp "$DEPS" docs/results/mask_quality/DrfiTimingAB.java "$TMP/old" "$TMP/new" \
    plugins/harl-plugin-masks/src/test/resources/felzenszwalb "$ROUNDS" "$WARMUP"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at end"
